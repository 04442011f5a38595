# English UI, same figures: giamsat shows Vietnamese numbers (1.234,5) and dates (dd/mm/yyyy) in every language.
from giamsat.formats.vi.formats import *  # noqa: F403
