"""Write side of the API: one module per area; every mutation returns the changed object plus
``errors: [UserError!]!``, and nothing is written when errors are returned."""
