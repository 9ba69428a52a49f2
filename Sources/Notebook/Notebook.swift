// Placeholder until the Notebook target lands.
