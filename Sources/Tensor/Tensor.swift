// Placeholder until the Tensor target lands.
