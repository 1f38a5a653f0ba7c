"""What brings one new document in: ``add`` (the command), ``upload`` (the upload page's worker), the community
matched in the register, and the session's database with an upload beside the shared one (``overlay``)."""
