"""Django's and the third-party apps' messages, worded for a reader of either gender.

Their Arabic catalogues address the reader in the masculine singular ("تأكد"، "أدخل"، "اختر"،
"قم"، "لديك"، "أنت متأكد"), on forms, the password screens, the admin and the apps' pages, where
the reader is a member or a secretariat employee, woman or man. The project's catalogue
(locale/, which comes first) words them again without gender: an impersonal sentence ("يجب ألا
تتجاوز هذه القيمة ...")، المرجو + verbal noun ("المرجو إدخال ...")، a verbal noun on buttons
("حفظ"، "حذف") or the polite plural for a question ("هل تؤكدون ...؟"). They are listed here,
as gettext would be given them, so that ``make messages --no-obsolete`` keeps them; the French
entries repeat Django's own French. ``tests/test_neutral_messages.py`` checks that none of them
reads in the masculine in Arabic.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

# Messages without a count or a context (forms and validators, the CSRF failure page, the admin,
# the password screens, django-axes, django-import-export, django-simple-history).
MESSAGES = [
    gettext_noop("Enter a valid value."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a valid integer."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    gettext_noop("Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens."),
    gettext_noop("Enter a valid %(protocol)s address."),
    gettext_noop("Enter only digits separated by commas."),
    gettext_noop("Ensure this value is %(limit_value)s (it is %(show_value)s)."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid time."),
    gettext_noop("Enter a valid date/time."),
    gettext_noop("Enter a valid duration."),
    gettext_noop("The submitted file is empty."),
    gettext_noop("Please either submit a file or check the clear checkbox, not both."),
    gettext_noop("Upload a valid image. The file you uploaded was either not an image or a corrupted image."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Enter a list of values."),
    gettext_noop("Enter a valid UUID."),
    gettext_noop("Enter a valid JSON."),
    gettext_noop("Delete"),
    gettext_noop("Please correct the duplicate data for %(field)s."),
    gettext_noop("Please correct the duplicate data for %(field)s, which must be unique."),
    gettext_noop(
        "Please correct the duplicate data for %(field_name)s which must be unique for the %(lookup)s in %(date_field)s."
    ),
    gettext_noop("Please correct the duplicate values below."),
    gettext_noop(
        "You are seeing this message because this HTTPS site requires a “Referer header” to be sent by your web browser, but none was sent. This header is required for security reasons, to ensure that your browser is not being hijacked by third parties."
    ),
    gettext_noop(
        "If you have configured your browser to disable “Referer” headers, please re-enable them, at least for this site, or for HTTPS connections, or for “same-origin” requests."
    ),
    gettext_noop(
        'If you are using the <meta name="referrer" content="no-referrer"> tag or including the “Referrer-Policy: no-referrer” header, please remove them. The CSRF protection requires the “Referer” header to do strict referer checking. If you’re concerned about privacy, use alternatives like <a rel="noreferrer" …> for links to third-party sites.'
    ),
    gettext_noop(
        "You are seeing this message because this site requires a CSRF cookie when submitting forms. This cookie is required for security reasons, to ensure that your browser is not being hijacked by third parties."
    ),
    gettext_noop(
        "If you have configured your browser to disable cookies, please re-enable them, at least for this site, or for “same-origin” requests."
    ),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop(
        "Please enter the correct %(username)s and password for a staff account. Note that both fields may be case-sensitive."
    ),
    gettext_noop("Hold down “Control”, or “Command” on a Mac, to select more than one."),
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("Items must be selected in order to perform actions on them. No items have been changed."),
    gettext_noop("Click here to select the objects across all pages"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("Add"),
    gettext_noop("You don’t have permission to view or edit anything."),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Enter a new password for the user <strong>%(username)s</strong>."),
    gettext_noop("Add %(name)s"),
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would result in deleting related objects, but your account doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would require deleting the following protected related objects:"
    ),
    gettext_noop(
        'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? All of the following related items will be deleted:'
    ),
    gettext_noop("Yes, I’m sure"),
    gettext_noop("No, take me back"),
    gettext_noop(
        "Deleting the selected %(objects_name)s would result in deleting related objects, but your account doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the selected %(objects_name)s? All of the following objects and their related items will be deleted:"
    ),
    gettext_noop(
        "Something’s wrong with your database installation. Make sure the appropriate database tables have been created, and make sure the database is readable by the appropriate user."
    ),
    gettext_noop("Save"),
    gettext_noop("Save as new"),
    gettext_noop("Save and add another"),
    gettext_noop("Save and continue editing"),
    gettext_noop("Save and view"),
    gettext_noop("Log in again"),
    gettext_noop("Password change"),
    gettext_noop("Change password"),
    gettext_noop("Change my password"),
    gettext_noop("Change password: %s"),
    gettext_noop("Your password was changed."),
    gettext_noop(
        "Please enter your old password, for security’s sake, and then enter your new password twice so we can verify you typed it in correctly."
    ),
    gettext_noop("Your password has been set.  You may go ahead and log in now."),
    gettext_noop("Please enter your new password twice so we can verify you typed it in correctly."),
    gettext_noop("Confirm password:"),
    gettext_noop(
        "The password reset link was invalid, possibly because it has already been used.  Please request a new password reset."
    ),
    gettext_noop(
        "We’ve emailed you instructions for setting your password, if an account exists with the email you entered. You should receive them shortly."
    ),
    gettext_noop(
        "If you don’t receive an email, please make sure you’ve entered the address you registered with, and check your spam folder."
    ),
    gettext_noop(
        "You're receiving this email because you requested a password reset for your user account at %(site_name)s."
    ),
    gettext_noop("Please go to the following page and choose a new password:"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("Thanks for using our site!"),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we’ll email instructions for setting a new one."
    ),
    gettext_noop("Reset my password"),
    gettext_noop("Select all objects on this page for an action"),
    gettext_noop("Select %s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Run the selected action"),
    gettext_noop("Go"),
    gettext_noop("Remove"),
    gettext_noop("Lookup"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("Start typing to filter…"),
    gettext_noop("Enter the same password as before, for verification."),
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    gettext_noop(
        "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."
    ),
    gettext_noop("Enter new password"),
    gettext_noop(
        "Designates whether this user should be treated as active. Unselect this instead of deleting accounts."
    ),
    gettext_noop("Account locked: too many login attempts. Contact an admin to unlock your account."),
    gettext_noop(
        "Below is a preview of data to be imported. If you are satisfied with the results, click 'Confirm import'"
    ),
    gettext_noop("You may edit it again below"),
    gettext_noop("Choose a date from the list below to revert to a previous version of this object."),
]

# Messages with a count: Arabic gives them six forms (0, 1, 2, 3-10, 11-99, 100+); the
# last argument names the placeholder that carries the count, as Django's own code does.
PLURAL_MESSAGES = [
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit in total.",
        "Ensure that there are no more than %(max)s digits in total.",
        "max",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s decimal place.",
        "Ensure that there are no more than %(max)s decimal places.",
        "max",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit before the decimal point.",
        "Ensure that there are no more than %(max)s digits before the decimal point.",
        "max",
    ),
    ngettext_lazy(
        "Ensure this filename has at most %(max)d character (it has %(length)d).",
        "Ensure this filename has at most %(max)d characters (it has %(length)d).",
        "max",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
]

# django-phonenumber-field's messages, which carry a context.
CONTEXT_MESSAGES = [
    pgettext_lazy(
        "{example_number} is a national phone number.",
        "Enter a valid phone number (e.g. {example_number}) or a number with an international call prefix.",
    ),
    pgettext_lazy(
        "{example_number} is an international phone number.",
        "Enter a valid phone number (e.g. {example_number}).",
    ),
    pgettext_lazy(
        "{example_number} is a national phone number.", "Enter a valid phone number (e.g. {example_number})."
    ),
]
