"""Pure logic: catalogue, interview, money, quote. No Qt here."""
