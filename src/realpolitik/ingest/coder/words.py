"""Word lists and limits of the coder's attribution rules (no code, only data)."""

from __future__ import annotations

_STRONG = frozenset({";", ":", "—", "–", "--", "(", ")", "[", "]"})
_SPEECH = frozenset(
    {"said", "says", "say", "told", "tells", "stated", "added", "announced", "noted",
     "claimed", "insisted", "argued", "according", "reported", "wrote"}
)  # fmt: skip
#: Speech verbs that report an act ("said", not "told": "told X to" is a request).
_REPORTING = frozenset({"said", "says", "say", "claimed", "claims", "alleged", "alleges"})
_SUB_LEFT = frozenset(
    {"but", "while", "whereas", "although", "though", "because", "when", "if", "after",
     "before", "since", "as", "than", "unless", "whether", "that", "where"}
) | _SPEECH  # fmt: skip
_SUB_RIGHT = frozenset(
    {"but", "while", "whereas", "although", "though", "because", "when", "if", "after",
     "before", "since", "than", "unless", "whether", "which", "who", "whose", "whom", "that",
     "where"}
)  # fmt: skip
_RELATIVE = frozenset({"who", "which", "whose"})
_PREPOSITIONS = frozenset(
    {"with", "to", "against", "on", "from", "for", "by", "at", "in", "into", "toward",
     "towards", "about", "over", "between", "among", "upon", "near", "inside", "across",
     "throughout", "around", "within", "outside", "than", "like", "without", "despite",
     "through", "via"}
)  # fmt: skip
_LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "across", "throughout", "around", "within", "outside"}
)
_PLACE_ADJECTIVES = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "northeastern", "northwestern", "southeastern", "southwestern", "north-east",
     "north-west", "south-east", "south-west", "central", "occupied", "rebel-held", "coastal"}
)  # fmt: skip
_MISSIONS = frozenset({"embassy", "consulate", "mission", "embassies", "consulates"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
_MODIFIER_SUFFIX = frozenset(
    {"based", "friendly", "born", "made", "style", "controlled", "held", "allied", "aligned"}
)
_MODIFIER_PREFIX = frozenset({"pro", "anti", "non"})
_JOINERS = frozenset({",", "and", "or", "&", "-", "the", "both", "as", "well"})
_JOINERS_AFTER_AND = frozenset({"with", "to", "against", "on", "then"})
_REUSE_GAP = frozenset(
    {"and", ",", "to", "then", "also", "later", "has", "had", "have", "will", "would", "'ll",
     "subsequently", "further"}
)  # fmt: skip
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"})
_SKIP_BEFORE_VERB = frozenset(
    {"not", "n't", "also", "already", "reportedly", "allegedly", "repeatedly", "recently",
     "then", "now", "just", "previously", "twice", "again"}
)  # fmt: skip
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "herself"})
_THING_PRONOUNS = frozenset({"its", "itself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
_GROUP_NOUNS = frozenset(
    {
        "sides",
        "countries",
        "leaders",
        "men",
        "governments",
        "states",
        "powers",
        "nations",
        "presidents",
        "ministers",
    }
)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_QUAD = {
    "01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3,
    "10": 3, "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 4, "17": 4, "18": 4,
    "19": 4, "20": 4,
}  # fmt: skip
#: Words of events after which "the two" means both sides ("He met Putin. The two agreed").
_MEETING_WORDS = frozenset({"met", "meet", "meets", "meeting", "talks", "held", "spoke"})
#: Nouns after a demonym or a possessive actor that name the actor's own forces or institutions
#: ("Turkish troops", "Russian military police", "Colombia's government"): the mention takes them in.
_FORCE_NOUNS = frozenset(
    {"troops", "forces", "soldiers", "army", "military", "police", "navy", "jets", "warplanes",
     "drones", "fighters", "government", "authorities", "officials", "parliament", "junta",
     "security", "service", "services", "coast", "guard", "guards", "air", "force", "defence",
     "defense", "ministry", "foreign", "intelligence", "spy", "agency", "border", "warships",
     "artillery", "instructors", "paratroopers", "marines", "commandos", "diplomats",
     "leaders", "negotiators", "farmers", "protesters", "forces'", "vessel", "ships",
     "aircraft", "bombers", "helicopters", "gunboats", "militias", "militia", "rebels",
     "administration", "regime", "rulers"}
)  # fmt: skip
#: Plural nouns of an operation that, after "in" and a coded event, are its means ("detained
#: dozens in raids on markets").
_MEANS_PLURALS = frozenset({"raids", "strikes", "airstrikes", "attacks", "operations", "sweeps"})
#: Subject pronouns: before a past form, the verb is active ("a national they accused of").
_SUBJECT_PRONOUNS = frozenset({"they", "it", "he", "she", "we"})
#: Words before "America" or "American" that make it a region, not the United States.
_REGION_WORDS = frozenset({"latin", "south", "central", "north"})
#: Nouns for people whose location, not nationality, receives aid ("Sudanese refugees in Chad").
_DISPLACED = frozenset({"refugees", "migrants", "civilians", "displaced", "asylum-seekers"})
#: Words between a target-seeking trigger and its target that do not end the search.
_COMPLEMENTIZERS = frozenset({"that"})
#: Types whose target may be a place when no actor is named ("struck a refinery in Russia",
#: "arrived in Ankara").
_PLACE_TARGET_TYPES = frozenset({"ASSAULT", "AID", "MOBILIZE", "CONSULT"})
#: Determiners that make the word after them a noun ("his support of"): not an event.
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "its", "their", "our"})
#: Words right after a reciprocal phrase that show it has no object ("met in Doha").
_RECIPROCAL_AFTER = frozenset(
    {"in", "at", "near", "on", "for", "under", "after", "over", "during", "along", "across", "off"}
)
#: Prepositions that, ending a phrase, introduce its target ("aid to", "talks with").
_TARGET_PREPOSITIONS = frozenset(
    {"to", "with", "against", "on", "for", "at", "into", "toward", "towards", "between", "from",
     "upon", "of", "outside", "in"}
)  # fmt: skip
#: Participles after which "by X" names who holds the place ("positions held by X" -> X).
_HELD = frozenset(
    {"held", "controlled", "occupied", "run", "manned", "housing", "used", "operated", "owned",
     "built", "leased"}
)  # fmt: skip
#: Words before an -ing form that are not nouns it could modify.
_NOT_NOUNS = frozenset(
    {"and", "or", "of", "by", "to", "for", "after", "before", "while", "without", "from", "in",
     "on", "at", "with", "about", "against", "despite", "since", "when", "than", "as", "but",
     "the", "a", "an", "continue", "continues", "keep", "keeps", "kept", "start", "started",
     "stop", "stopped", "begin", "began", "resume", "resumed"}
)  # fmt: skip
#: Words that make "would" conditional even after a speech verb ("said it would ... if").
_CONDITIONS = frozenset({"if", "unless", "whether", "provided", "should", "otherwise"})
#: Words before a nominal visit that make it an adverbial of the sentence ("during a visit to
#: Beijing"): the visitor is the sentence's subject.
_VISIT_FRAME = frozenset({"during", "on", "after", "before", "in", "while", "ahead"})
#: Determiners that open a nominal event as the object of a verb ("condemned *the* attack on").
_NOMINAL_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "these", "those", "that", "its", "their"}
)
#: Nouns that, after "in", introduce a cause, not a target ("in response to U.S. drills").
_CAUSE_NOUNS = frozenset({"response", "retaliation", "reaction", "protest", "reprisal"})
#: Types of a phrase right after an AGREE phrase that are its content ("agreed to cooperate",
#: "pledged to provide aid to"), not events of their own.
_AGREED_CONTENT = frozenset({"COOPERATE", "SUPPORT", "CONSULT", "AID", "CONCEDE"})
#: Nouns of what one side puts forward for others to agree to ("agreed to an EU plan").
_PROPOSALS = frozenset(
    {"plan", "proposal", "proposals", "offer", "initiative", "framework", "roadmap", "formula"}
)
#: Adjectives between a possessive state and its institution ("Syria's interim authorities").
_INSTITUTION_ADJECTIVES = frozenset({"interim", "transitional", "new", "caretaker", "federal"})
#: Nouns after "X-led" that are X's own grouping ("the Saudi-led coalition" -> X).
_LED_NOUNS = frozenset({"coalition", "alliance", "forces", "force", "mission", "bloc", "troops"})
#: First words of an appositive noun phrase after a subject ("X, one of ..., visited").
_APPOSITIVE_OPENERS = frozenset(
    {"one", "a", "an", "the", "its", "his", "her", "their", "on", "in", "during", "who", "whose",
     "which", "already", "still", "both", "under", "after"}
)  # fmt: skip
#: Words of time between a clause's closing comma and its verb ("..., on Tuesday added").
_ADVERBIALS = frozenset(
    {"on", "late", "early", "later", "last", "this", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "overnight", "today", "yesterday"}
)  # fmt: skip
#: Nouns before "of" that make a country's name a place's ("the Gulf of Finland").
_WATERS = frozenset({"gulf", "bay", "strait", "straits"})
#: Nouns of what belongs to a state even in a place of the attacker's own country ("stormed
#: a military base in Somalia's ...": Somalia).
_STATE_TARGETS = frozenset(
    {"base", "bases", "barracks", "garrison", "outpost", "outposts", "checkpoint", "checkpoints",
     "post", "posts", "station", "stations", "headquarters", "convoy", "convoys", "patrol",
     "patrols", "camp", "camps", "soldiers", "troops", "policemen", "servicemen",
     "paramilitaries", "officers"}
)  # fmt: skip
#: Words that open a frame of time after a participle ("signed ... during a visit by X"): a
#: "by" after them is not the participle's agent.
_FRAME_WORDS = frozenset({"during", "after", "before", "amid", "while"})
#: Nouns of a charge that another actor rejects (", an accusation Asmara rejected").
_CHARGES = frozenset({"charge", "accusation", "allegation", "claim"})
#: Speech verbs that end a trailing attribution (", South Korea's military said").
_ATTRIBUTION_VERBS = frozenset(
    {"said", "says", "reported", "reports", "told", "stated", "announced", "claimed",
     "confirmed", "wrote"}
)  # fmt: skip
#: Nouns of who speaks in a trailing attribution besides actors and forces ("officials said").
_SPEAKER_NOUNS = frozenset(
    {"official", "officials", "sources", "source", "media", "spokesman", "spokeswoman",
     "spokesperson", "command", "agency", "minister", "ministry", "office", "statement"}
)  # fmt: skip
#: Adverbs between "and" and a coordinated verb ("and later briefed").
_COORDINATED_ADVERBS = frozenset({"later", "also", "then", "subsequently", "again", "separately"})
#: Subordinators that end what an irrealis phrase introduces ("ordered ... after X agreed").
_IRREALIS_ENDS = frozenset(
    {"after", "because", "but", "while", "whereas", "although", "though", "since", "when"}
)
#: Adjectives that, before "to", mean near ("close to the border"): no verb of closing.
_NEAR_ADJECTIVES = frozenset({"close", "closer"})
#: Prepositions after joint drills that name whom they are held near (a show of force).
_NEAR_PREPOSITIONS = frozenset({"near", "along", "off", "around", "by"})
#: Last words of a joint-drills phrase.
_DRILL_NOUNS = frozenset(
    {"exercises", "exercise", "drills", "drill", "maneuvers", "manoeuvres", "wargames"}
)
#: Last words of an actor named by its forces ("the last French troops"): who withdraws.
_TROOP_NOUNS = frozenset(
    {"troops", "forces", "soldiers", "army", "military", "marines", "paratroopers", "commandos",
     "contingent", "peacekeepers", "instructors", "garrison", "units", "battalion", "brigade"}
)  # fmt: skip
#: Nouns of what hits a country without arms ("was hit by new EU sanctions").
_NOT_WEAPONS = frozenset(
    {"sanctions", "tariffs", "tariff", "duties", "restrictions", "penalties", "embargo",
     "fines", "fine", "measures", "criticism", "protests", "strikes", "levies", "curbs", "ban",
     "bans", "controls"}
)  # fmt: skip
#: Words that open the frame of an agreement made at a meeting ("agreed *at* a summit").
_SUMMIT_FRAMES = frozenset({"at", "during", "sidelines"})
#: Nouns of such a meeting (a "conference" may be a donors' one, where the parties need not meet).
_SUMMIT_NOUNS = frozenset({"summit", "summits", "talks"})
#: Verbs before "for" that make what follows sought, not done ("pushed for a deal with X").
_PUSHED = frozenset(
    {"push", "pushes", "pushed", "pushing", "press", "presses", "pressed", "pressing", "lobby",
     "lobbies", "lobbied", "lobbying", "campaigned", "campaigning", "angling"}
)  # fmt: skip
#: Participles after a seized or struck thing that name its cargo or destination ("a boat
#: carrying drugs from Venezuela", "a ship bound for Mexico"): what follows is no target.
_CARGO = frozenset({"carrying", "transporting", "bound", "laden", "loaded", "smuggling"})
#: Nouns of people sent by an actor named after "from" ("a delegation from Hamas").
_DELEGATES = frozenset(
    {"delegation", "delegations", "envoy", "envoys", "emissary", "emissaries", "negotiators",
     "representatives", "officials", "diplomats", "ministers", "team", "troops", "forces",
     "soldiers", "fighters"}
)  # fmt: skip
#: Nouns of a state's scheme that a withdrawal leaves ("China's Belt and Road Initiative").
_SCHEMES = frozenset(
    {"initiative", "pact", "treaty", "agreement", "accord", "deal", "programme", "program",
     "project", "alliance", "bloc", "framework", "scheme", "mechanism", "partnership"}
)  # fmt: skip
#: Last words of an actor named by its arms or forces ("Russian drones"): "hit" is an attack.
_ARMS = frozenset(
    {"drones", "missiles", "jets", "warplanes", "rockets", "artillery", "bombers", "aircraft",
     "helicopters", "gunboats", "warships", "forces", "troops", "shells"}
)  # fmt: skip
#: Words of time between such a subject and its verb ("Russian drones overnight hit").
_ARMED_ADVERBS = frozenset({"overnight", "again", "also", "then", "later", "reportedly"})
_MAX_SOURCE_DISTANCE = 25
_MAX_TARGET_DISTANCE = 10
_MEMORY_SENTENCES = 3
