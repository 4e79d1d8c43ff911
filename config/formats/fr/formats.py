# French formats as Django has them, with the 24-hour time used in Morocco.
from django.conf.locale.fr.formats import *  # noqa: F403

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
