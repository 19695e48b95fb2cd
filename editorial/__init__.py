"""The editorial workflow: groups and their permissions, review workflows, the staff dashboard's
workflow panels, and the `setup_editorial` and `publish_scheduled` commands."""
