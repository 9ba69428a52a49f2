// Placeholder until the Plot target lands.
