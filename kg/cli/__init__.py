"""The `kg` command: one module per subcommand, each a thin layer over one library call."""
