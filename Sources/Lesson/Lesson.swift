// Placeholder until the Lesson target lands.
