"""The demo site of Koonto: its content and the commands that load it."""
