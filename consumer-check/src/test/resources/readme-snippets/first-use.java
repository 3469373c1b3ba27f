// The first use declares everything it uses.
