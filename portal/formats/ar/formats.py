"""Arabic formats as Morocco uses them, over Django's: the week starts on Monday (the admin's date picker, as the
site's calendars and the French admin). Month names are the Moroccan ones of locale/ar (يناير … دجنبر)."""

FIRST_DAY_OF_WEEK = 1
