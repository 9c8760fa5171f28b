"""The live screen: minuting a meeting as it happens."""
