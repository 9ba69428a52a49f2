// Placeholder: the interpreter lands with the Script work.
