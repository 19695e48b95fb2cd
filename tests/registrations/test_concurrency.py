"""Two people taking the last seat at the same moment: one gets it, the other waits (PostgreSQL).

Each thread has its own database connection (Django's connections are per thread) and commits its
own transaction, outside the test's; the rows are removed at the end. The barrier releases both
sign-ups together; without the row lock (`select_for_update` in registrations.services.take_seat)
both would count one free seat and both be confirmed.
"""

import threading
import uuid

import pytest
from django.db import connection, transaction

from registrations.models import Registration, RegistrationEvent
from registrations.services import take_seat

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

ROUNDS = 5


def in_thread(function, *args):
    """Run `function` in a new thread (a new connection, committing on its own); return its result."""
    result = {}

    def run():
        try:
            result["value"] = function(*args)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result["value"]


def test_two_parallel_sign_ups_never_both_get_the_last_seat():
    keys = [uuid.uuid4() for _ in range(ROUNDS)]
    events = in_thread(lambda: [RegistrationEvent.objects.create(translation_key=key).pk for key in keys])
    try:
        for event_pk in events:
            barrier = threading.Barrier(2)
            outcomes = []

            def sign_up(email, event_pk=event_pk, barrier=barrier, outcomes=outcomes):
                try:
                    barrier.wait()
                    with transaction.atomic():
                        event = RegistrationEvent(pk=event_pk)
                        registration = take_seat(event, 1, True, name="Osallistuja", email=email, seats=1)
                    outcomes.append(registration.status)
                finally:
                    connection.close()

            threads = [threading.Thread(target=sign_up, args=(f"{n}@example.org",)) for n in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

            assert sorted(outcomes) == ["confirmed", "waiting"]
    finally:

        def clean_up():
            Registration.objects.filter(event_id__in=events).delete()
            RegistrationEvent.objects.filter(pk__in=events).delete()

        in_thread(clean_up)
