"""Error reports without people's private data (Law 09-08).

Django's default filter hides settings with secret-looking names and the values of views marked
``@sensitive_post_parameters``. Forms across the portal take phone numbers, e-mails, addresses
and names, and it is easy to forget the decorator on a new view; this filter hides them by
field name everywhere, in POST data and in the local variables of every traceback frame.
"""

import re

from django.views.debug import SafeExceptionReporterFilter

PRIVATE_NAMES = re.compile(
    r"phone|mobile|e[-_]?mail|address|adresse|password|passwd|token|otp|secret|birth|cin\b|national_id",
    flags=re.IGNORECASE,
)


class PortalExceptionReporterFilter(SafeExceptionReporterFilter):
    hidden_settings = re.compile(
        "API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|DATABASE_URL|REDIS_URL|EMAIL_URL|DSN",
        flags=re.IGNORECASE,
    )

    def get_post_parameters(self, request):
        parameters = super().get_post_parameters(request)
        if request is None or not parameters:
            return parameters
        cleansed = parameters.copy()
        for name in cleansed:
            if PRIVATE_NAMES.search(name):
                cleansed[name] = self.cleansed_substitute
        return cleansed

    def get_traceback_frame_variables(self, request, tb_frame):
        variables = super().get_traceback_frame_variables(request, tb_frame)
        return [
            (name, self.cleansed_substitute if PRIVATE_NAMES.search(name) else value)
            for name, value in variables
        ]
