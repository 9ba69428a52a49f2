// Placeholder until the Check target lands.
