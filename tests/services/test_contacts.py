"""Contacts at an opportunity's company: add, edit, remove, and the one-change add/edit."""

from __future__ import annotations

import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.contacts import ContactInput, ContactService
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database
from tests.conftest import NOW


def test_add_edit_and_remove_a_contact(database: Database, pipeline: PipelineService) -> None:
    acme = pipeline.add(OpportunityInput("Acme", "Engineer")).id
    contacts = ContactService(database)
    ann = contacts.add(acme, ContactInput("Ann Lee", "ann@acme.io", "+1 555", "Recruiter"))
    assert pipeline.detail(acme).contacts == (ann,)
    edited = contacts.edit(ann.id, ContactInput("Ann Lee", "ann@acme.io", "+1 555", "CTO"))
    assert pipeline.detail(acme).contacts[0].title == "CTO" == edited.title
    contacts.remove(ann.id)
    assert pipeline.detail(acme).contacts == ()


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        (ContactInput(""), "name"),
        (ContactInput("Ann", email="not an address"), "email"),
        (ContactInput("x" * 201), "name"),
    ],
)
def test_bad_contacts_are_refused_and_nothing_is_written(
    database: Database, pipeline: PipelineService, typed: ContactInput, field: str
) -> None:
    acme = pipeline.add(OpportunityInput("Acme", "Engineer")).id
    with pytest.raises(ValidationError) as refused:
        ContactService(database).add(acme, typed)
    assert refused.value.field == field
    assert pipeline.detail(acme).contacts == ()


def test_a_second_contact_of_the_same_name_is_refused(
    database: Database, pipeline: PipelineService
) -> None:
    acme = pipeline.add(OpportunityInput("Acme", "Engineer")).id
    contacts = ContactService(database)
    contacts.add(acme, ContactInput("Ann Lee"))
    with pytest.raises(ValidationError):
        contacts.add(acme, ContactInput("ann lee"))


def test_removing_a_contact_keeps_the_interview_they_were_in(
    database: Database, pipeline: PipelineService, clock: Clock
) -> None:
    acme = pipeline.add(OpportunityInput("Acme", "Engineer")).id
    FollowUpService(database, clock, "UTC").log_interview(acme, NOW.shift(hours=-2), with_name="Bo")
    [bo] = pipeline.detail(acme).contacts
    ContactService(database).remove(bo.id)
    detail = pipeline.detail(acme)
    assert detail.contacts == ()
    [interview] = [event for event in detail.interactions if event.kind.value == "interview"]
    assert interview.contact_id is None


def test_add_and_edit_with_contacts_is_one_change_checked_first(
    pipeline: PipelineService,
) -> None:
    saved = pipeline.save_with_contacts(
        None,
        OpportunityInput("Hooli", "SRE", stage=Stage.SCREENING),
        ((None, ContactInput("Gavin", "g@h.io")), (None, ContactInput(""))),  # blank: skipped
    )
    [gavin] = pipeline.detail(saved.id).contacts
    with pytest.raises(ValidationError):
        pipeline.save_with_contacts(
            saved.id,
            OpportunityInput("Hooli", "Staff SRE", stage=Stage.SCREENING),
            ((gavin.id, ContactInput("Gavin", "bad address")),),
        )
    assert pipeline.get(saved.id).role == "SRE"  # nothing written when a contact is bad
    pipeline.save_with_contacts(
        saved.id,
        OpportunityInput("Hooli", "Staff SRE", stage=Stage.SCREENING),
        ((gavin.id, ContactInput("Gavin Belson", "g@h.io")), (None, ContactInput("Ann"))),
    )
    names = sorted(c.name for c in pipeline.detail(saved.id).contacts)
    assert (pipeline.get(saved.id).role, names) == ("Staff SRE", ["Ann", "Gavin Belson"])
