"""The GraphQL API: hand-written types over the domain, split by area (after Saleor)."""
