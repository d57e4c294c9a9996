"""Casefile's incident vocabulary in ACLED's own English values, for the timeline CSV.

ACLED (Armed Conflict Location & Event Data, codebook 2023) names six event types and 25
sub-event types. Casefile keeps finer sub-types (a statement, a visit, a checkpoint…); each maps
to the nearest ACLED value by the table below (docs/acled_mapping.md explains each choice), and
the finer one stays in the CSV's ``casefile_subtype`` column. A value an analyst typed by hand
falls back to its event type's most general ACLED sub-event type, so the CSV never carries a
value ACLED does not have.
"""

from __future__ import annotations

import datetime as dt

ACLED_EVENT_TYPES = {
    "battles": "Battles",
    "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians",
    "protests": "Protests",
    "riots": "Riots",
    "strategic_developments": "Strategic developments",
}
# ACLED's sub-event types by event type (the first is the fallback for an unknown sub-type).
ACLED_SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Shelling/artillery/missile attack", "Air/drone strike",
                                   "Suicide bomb", "Remote explosive/landmine/IED", "Grenade",
                                   "Chemical weapon"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance",
                                   "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Other", "Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory"),
}
# Casefile sub-type → ACLED sub-event type. Sub-types that are ACLED's own map to themselves.
SUBTYPE_TO_ACLED: dict[str, str] = {
    "armed_clash": "Armed clash",
    "government_regains_territory": "Government regains territory",
    "non_state_actor_overtakes_territory": "Non-state actor overtakes territory",
    "shelling_artillery_missile_attack": "Shelling/artillery/missile attack",
    "air_drone_strike": "Air/drone strike",
    "suicide_bomb": "Suicide bomb",
    "remote_explosive_landmine_ied": "Remote explosive/landmine/IED",
    "grenade": "Grenade",
    "chemical_weapon": "Chemical weapon",
    "attack": "Attack",
    "abduction_forced_disappearance": "Abduction/forced disappearance",
    "sexual_violence": "Sexual violence",
    "peaceful_protest": "Peaceful protest",
    "protest_with_intervention": "Protest with intervention",
    "excessive_force_against_protesters": "Excessive force against protesters",
    "violent_demonstration": "Violent demonstration",
    "mob_violence": "Mob violence",
    "arrest": "Arrests",
    "agreement": "Agreement",
    "headquarters_or_base_established": "Headquarters or base established",
    "looting_property_destruction": "Looting/property destruction",
    # Casefile's finer strategic developments (docs/acled_mapping.md):
    "checkpoint_setup": "Headquarters or base established",
    "deployment": "Change to group/activity",
    "recruitment": "Change to group/activity",
    "withdrawal": "Non-violent transfer of territory",
    "visit_meeting": "Other",
    "statement_call": "Other",
    "verbal_altercation": "Other",
    "pressure": "Other",
    "escalation_tension": "Other",
    "evacuation": "Other",
    "expulsion": "Other",
    "other": "Other",
}
_TYPE_OF_ACLED_SUB = {sub: t for t, subs in ACLED_SUB_EVENT_TYPES.items() for sub in subs}


def event_and_sub_event(type_: str | None, subtype: str | None) -> tuple[str, str]:
    """ACLED's (event_type, sub_event_type) for a Casefile type and sub-type, never anything
    else: an unknown type takes the type of its sub-type, else «Strategic developments»."""
    event = ACLED_EVENT_TYPES.get(type_ or "")
    sub = SUBTYPE_TO_ACLED.get(subtype or "")
    if event is None:
        event = _TYPE_OF_ACLED_SUB.get(sub or "", "Strategic developments")
    if sub is None or sub not in ACLED_SUB_EVENT_TYPES[event]:
        sub = ACLED_SUB_EVENT_TYPES[event][0]
    return event, sub


def time_precision(precision: str | None, start: dt.date | None, end: dt.date | None) -> int:
    """ACLED's codes: 1 the day is known; 2 a day within a week or so (an approximate day, a
    span of up to a week); 3 a month or longer, or no date."""
    if start is None:
        return 3
    span = (end - start).days if end is not None and end >= start else 0
    if precision == "day" and span == 0:
        return 1
    if precision in ("day", "approximate") and span <= 7:
        return 2
    return 3
