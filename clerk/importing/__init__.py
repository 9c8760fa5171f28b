"""Reading records a council already has (notes, minutes) into plain data, before anything is stored."""
