// Placeholder until the Site target lands.
