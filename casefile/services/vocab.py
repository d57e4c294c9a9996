"""Choices the forms offer, with English labels (the UI translates them)."""

from __future__ import annotations

from ..db.models import ActorKind, AliasKind, DatePrecision, PlaceKind

ACTOR_KINDS = {
    ActorKind.PERSON: "Person", ActorKind.STATE_FORCE: "State force",
    ActorKind.MILITIA: "Militia", ActorKind.ARMED_GROUP: "Armed group",
    ActorKind.ORGANISATION: "Organisation", ActorKind.INSTITUTION: "Institution",
}
ALIAS_KINDS = {
    AliasKind.NAME: "Name", AliasKind.KUNYA: "Kunya / nickname",
    AliasKind.SPELLING: "Spelling variant", AliasKind.TRANSLITERATION: "Transliteration",
    AliasKind.TRANSLATION: "Translation",
}
PLACE_KINDS = {
    PlaceKind.COUNTRY: "Country", PlaceKind.GOVERNORATE: "Governorate",
    PlaceKind.DISTRICT: "District", PlaceKind.TOWN: "Town", PlaceKind.VILLAGE: "Village",
    PlaceKind.AREA: "Area", PlaceKind.FACILITY: "Facility", PlaceKind.RIVER: "River",
}
PRECISIONS = {
    DatePrecision.DAY: "Day", DatePrecision.MONTH: "Month", DatePrecision.YEAR: "Year",
    DatePrecision.APPROXIMATE: "Approximate",
}
# Actor → actor or actor → place; "present_in" (places of activity) has its own table.
RELATION_TYPES = {
    "member_of": "Member of", "commands": "Commands", "affiliated_with": "Affiliated with",
    "backed_by": "Backed by", "allied_with": "Allied with", "rival_of": "Rival of",
    "office": "Holds office",
}
PRESENT_IN = "present_in"
ROLES = {
    "perpetrator": "Perpetrator", "target": "Target", "participant": "Participant",
    "mediator": "Mediator", "visitor": "Visitor", "host": "Host", "addressee": "Addressee",
    "speaker": "Speaker", "sponsor": "Sponsor", "witness": "Witness",
}
# ACLED event types and sub-types, with the strategic-development sub-types the
# extraction proposes (checkpoint set up, arrest, visit or meeting, statement...).
INCIDENT_TYPES: dict[str, tuple[str, dict[str, str]]] = {
    "battles": ("Battles", {
        "armed_clash": "Armed clash",
        "government_regains_territory": "Government regains territory",
        "non_state_actor_overtakes_territory": "Non-state actor overtakes territory"}),
    "explosions_remote_violence": ("Explosions/Remote violence", {
        "shelling_artillery_missile_attack": "Shelling/artillery/missile attack",
        "air_drone_strike": "Air/drone strike", "suicide_bomb": "Suicide bomb",
        "remote_explosive_landmine_ied": "Remote explosive/landmine/IED",
        "grenade": "Grenade"}),
    "violence_against_civilians": ("Violence against civilians", {
        "attack": "Attack", "abduction_forced_disappearance": "Abduction/forced disappearance",
        "sexual_violence": "Sexual violence"}),
    "protests": ("Protests", {
        "peaceful_protest": "Peaceful protest", "protest_with_intervention":
        "Protest with intervention", "excessive_force_against_protesters":
        "Excessive force against protesters"}),
    "riots": ("Riots", {"violent_demonstration": "Violent demonstration",
                        "mob_violence": "Mob violence"}),
    "strategic_developments": ("Strategic developments", {
        "checkpoint_setup": "Checkpoint set up", "arrest": "Arrest",
        "visit_meeting": "Visit or meeting", "statement_call": "Statement or call",
        "verbal_altercation": "Verbal altercation", "pressure": "Pressure",
        "escalation_tension": "Escalation or tension", "deployment": "Deployment",
        "withdrawal": "Withdrawal", "recruitment": "Recruitment", "agreement": "Agreement",
        "headquarters_or_base_established": "Headquarters or base established",
        "looting_property_destruction": "Looting/property destruction", "other": "Other"}),
}


def subtypes_of(incident_type: str) -> dict[str, str]:
    return INCIDENT_TYPES.get(incident_type, ("", {}))[1]
