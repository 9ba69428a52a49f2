// Placeholder until the Engine target lands.
