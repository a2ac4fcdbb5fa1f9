"""A coverage matrix: the constructions a wire reporter uses for each weak event type.

Each row is a construction of news English (a verb, a noun, a passive, a nominalisation, a
complement, a participial or reporting frame) written for this test, filled with actors in
their common surface forms (names, capitals as metonyms, leaders with titles, demonyms before
forces). The categories' members follow the CAMEO verb classes and PLOVER's definitions (REJECT:
refusing a proposal, request or demand; AGREE: signing, reaching or pledging an agreement;
ASSAULT: attacks with force; THREATEN: warnings of hostile acts; SUPPORT: endorsement, praise
and recognition; SANCTION: reducing relations and economic penalties; AID: material help).

``python tests/ingest/test_coverage_matrix.py`` prints the matrix (cells passed per type and the
rows that fail); the test asserts every cell, and rows the coder cannot yet code are marked
xfail with a reason.
"""

from __future__ import annotations

import sys

import pytest

from realpolitik.ingest import code_text, dyads

# Actors in the surface forms a wire story uses: (id, subject, possessive).
_A = {
    "us": ("us", "Washington", "Washington's"),
    "russia": ("russia", "Moscow", "Moscow's"),
    "putin": ("russia", "Russian President Vladimir Putin", "Putin's"),
    "iran": ("iran", "Iran", "Iran's"),
    "tehran": ("iran", "Tehran", "Tehran's"),
    "israel": ("israel", "Israel", "Israel's"),
    "turkey": ("turkey", "Turkey", "Turkey's"),
    "ankara": ("turkey", "Ankara", "Ankara's"),
    "china": ("china", "Beijing", "Beijing's"),
    "japan": ("japan", "Japan", "Japan's"),
    "india": ("india", "India", "India's"),
    "pakistan": ("pakistan", "Pakistan", "Pakistan's"),
    "ukraine": ("ukraine", "Kyiv", "Kyiv's"),
    "zelensky": ("ukraine", "Ukrainian President Volodymyr Zelensky", "Zelensky's"),
    "eu": ("eu", "the European Union", "the European Union's"),
    "uk": ("uk", "Britain", "Britain's"),
    "france": ("france", "France", "France's"),
    "germany": ("germany", "Germany", "Germany's"),
    "egypt": ("egypt", "Egypt", "Egypt's"),
    "qatar": ("qatar", "Qatar", "Qatar's"),
    "saudi": ("saudi-arabia", "Saudi Arabia", "Saudi Arabia's"),
    "hamas": ("hamas", "Hamas", "Hamas's"),
    "hezbollah": ("hezbollah", "Hezbollah", "Hezbollah's"),
    "nkorea": ("north-korea", "North Korea", "North Korea's"),
    "skorea": ("south-korea", "Seoul", "Seoul's"),
    "venezuela": ("venezuela", "Venezuela", "Venezuela's"),
    "colombia": ("colombia", "Colombia", "Colombia's"),
    "ethiopia": ("ethiopia", "Ethiopia", "Ethiopia's"),
    "sudan": ("sudan", "Sudan", "Sudan's"),
    "syria": ("syria", "Syria", "Syria's"),
    "lebanon": ("lebanon", "Lebanon", "Lebanon's"),
    "iraq": ("iraq", "Baghdad", "Baghdad's"),
    "afghanistan": ("afghanistan", "Kabul", "Kabul's"),
    "armenia": ("armenia", "Armenia", "Armenia's"),
    "azerbaijan": ("azerbaijan", "Azerbaijan", "Azerbaijan's"),
    "brazil": ("brazil", "Brazil", "Brazil's"),
    "jordan": ("jordan", "Jordan", "Jordan's"),
    "palestine": ("palestine", "Gaza", "Gaza's"),
    "srilanka": ("sri-lanka", "Sri Lanka", "Sri Lanka's"),
    "iaea": ("un", "the U.N. nuclear watchdog", "the watchdog's"),
    "imf": ("imf", "the International Monetary Fund", "the IMF's"),
    "kremlin": ("russia", "the Kremlin", "the Kremlin's"),
    "whitehouse": ("us", "the White House", "the White House's"),
    "erdogan": ("turkey", "Turkish President Tayyip Erdogan", "Erdogan's"),
    "netanyahu": ("israel", "Israeli Prime Minister Benjamin Netanyahu", "Netanyahu's"),
    "idf": ("israel", "Israeli jets", "the Israeli military's"),
    "rusforces": ("russia", "Russian forces", "Russian forces'"),
    "wang": ("china", "Chinese Foreign Minister Wang Yi", "Wang's"),
}

# (type, construction, template, source key, target key, xfail reason or None). In a template
# {X} / {Y} are the subject forms and {X's} / {Y's} the possessives; the expected event is
# (type, source, target) of the actors' ids.
# fmt: off
_ROWS: list[tuple[str, str, str, str, str, str | None]] = [
    # REJECT
    ("REJECT", "rejected Y's proposal", "{X} rejected {Y's} proposal for a ceasefire.", "russia", "ukraine", None),
    ("REJECT", "has rejected", "{X} has rejected a proposal by {Y} for new talks.", "iran", "us", None),
    ("REJECT", "on Monday rejected", "{X} on Monday rejected {Y's} offer of talks.", "israel", "hamas", None),
    ("REJECT", "passive: was rejected by", "{Y's} offer of talks was rejected by {X}.", "israel", "hamas", None),
    ("REJECT", "nominal: X's rejection of Y's plan", "{X's} rejection of {Y's} peace plan angered diplomats.", "russia", "ukraine", None),
    ("REJECT", "dismissed Y's call for", "{X} dismissed {Y's} call for a ceasefire.", "israel", "egypt", None),
    ("REJECT", "turned down Y's request", "{X} turned down {Y's} request for more troops.", "germany", "ukraine", None),
    ("REJECT", "refused Y's demand to", "{X} refused {Y's} demand to withdraw its forces.", "russia", "ukraine", None),
    ("REJECT", "said it rejected", "{X} said it rejected {Y's} proposal.", "iran", "us", None),
    ("REJECT", "..., X said, rejecting a proposal by Y", "The plan is unacceptable, {X} said, rejecting a proposal by {Y}.", "tehran", "us", None),
    ("REJECT", "participial: , rejecting Y's offer", "{X} ended the talks on Sunday, rejecting {Y's} latest offer.", "hamas", "israel", None),
    ("REJECT", "rebuffed Y's overtures", "{X} rebuffed {Y's} overtures for dialogue.", "nkorea", "skorea", None),
    ("REJECT", "spurned", "{X} spurned an offer of talks from {Y}.", "venezuela", "us", None),
    ("REJECT", "leader with title rejected", "{X} rejected {Y's} demands.", "putin", "ukraine", None),
    ("REJECT", "vetoed Y's resolution", "{X} vetoed a resolution drafted by {Y}.", "russia", "us", None),
    ("REJECT", "declined Y's invitation", "{X} declined {Y's} invitation to a summit.", "india", "pakistan", None),
    ("REJECT", "rejected calls from Y", "{X} rejected calls from {Y} to halt the offensive.", "israel", "france", None),
    ("REJECT", "refused to accept", "{X} refused to accept {Y's} conditions.", "hamas", "israel", None),
    ("REJECT", "ruled out talks with", "{X} ruled out talks with {Y}.", "ukraine", "russia", None),
    ("REJECT", "brushed aside", "{X} brushed aside {Y's} demand for compensation.", "china", "japan", None),
    ("REJECT", "apposition: X, ..., rejected", "{X}, which has long opposed the deal, rejected {Y's} plan.", "tehran", "us", None),
    # AGREE
    ("AGREE", "signed an agreement with", "{X} signed a trade agreement with {Y}.", "india", "uk", None),
    ("AGREE", "agreed with Y to", "{X} agreed with {Y} to extend the truce.", "russia", "turkey", None),
    ("AGREE", "reached a deal with", "{X} reached a deal with {Y} on gas prices.", "ukraine", "eu", None),
    ("AGREE", "pledged to Y", "{X} pledged to {Y} that it would keep the border open.", "egypt", "qatar", None),
    ("AGREE", "promised Y", "{X} promised {Y} it would not attack.", "turkey", "russia", None),
    ("AGREE", "committed to ... with Y", "{X} committed to a joint reconstruction plan with {Y}.", "saudi", "iraq", None),
    ("AGREE", "inked a deal with", "{X} inked an energy deal with {Y}.", "china", "pakistan", None),
    ("AGREE", "sealed an accord with", "{X} sealed a defence accord with {Y}.", "japan", "uk", None),
    ("AGREE", "struck a deal with", "{X} struck a deal with {Y} on grain exports.", "ukraine", "turkey", None),
    ("AGREE", "passive: an agreement between X and Y was signed", "An agreement between {X} and {Y} was signed in Doha.", "us", "afghanistan", None),
    ("AGREE", "X and Y signed", "{X} and {Y} signed a peace accord.", "armenia", "azerbaijan", None),
    ("AGREE", "X and Y agreed to", "{X} and {Y} agreed to restore flights.", "india", "china", None),
    ("AGREE", "on Tuesday signed", "{X} on Tuesday signed a security pact with {Y}.", "uk", "ukraine", None),
    ("AGREE", "has signed", "{X} has signed a memorandum of understanding with {Y}.", "egypt", "saudi", None),
    ("AGREE", "a deal signed with", "{X} hailed a deal signed with {Y} last week.", "brazil", "china", "not coded before the eleventh pass"),
    ("AGREE", "agreed to Y's proposal", "{X} agreed to {Y's} proposal for a prisoner exchange.", "ukraine", "qatar", None),
    ("AGREE", "accepted Y's offer", "{X} accepted {Y's} offer of mediation.", "sudan", "saudi", None),
    ("AGREE", "leader signed", "{X} signed a strategic partnership treaty with {Y}.", "putin", "nkorea", None),
    ("AGREE", "said it had reached an agreement with", "{X} said it had reached an agreement with {Y}.", "iran", "eu", None),
    ("AGREE", "concluded a treaty with", "{X} concluded a border treaty with {Y}.", "china", "afghanistan", None),
    ("AGREE", "agreed on Y", "{X} agreed on a new ceasefire with {Y}.", "israel", "hezbollah", None),
    ("AGREE", "vowed to cooperate with", "{X} vowed to cooperate with {Y} on migration.", "uk", "france", None),
    # ASSAULT
    ("ASSAULT", "shelled", "{X} shelled {Y's} border villages.", "turkey", "syria", None),
    ("ASSAULT", "demonym troops shelled", "Turkish troops shelled positions in {Y}.", "turkey", "syria", None),
    ("ASSAULT", "bombed", "{X} bombed targets in {Y}.", "israel", "lebanon", None),
    ("ASSAULT", "struck", "{X} struck {Y's} oil refineries overnight.", "ukraine", "russia", None),
    ("ASSAULT", "pounded", "{X} pounded {Y} with missiles.", "russia", "ukraine", None),
    ("ASSAULT", "attacked", "{X} attacked {Y's} ships in the Red Sea.", "iran", "us", None),
    ("ASSAULT", "raided", "{X} raided {Y's} camps in the north.", "turkey", "iraq", None),
    ("ASSAULT", "fired rockets at", "{X} fired rockets at {Y}.", "hezbollah", "israel", None),
    ("ASSAULT", "launched drones at", "{X} launched drones at {Y}.", "russia", "ukraine", None),
    ("ASSAULT", "launched drones into", "{X} launched drones into {Y} overnight.", "ukraine", "russia", None),
    ("ASSAULT", "ambushed", "{X} ambushed a {Y} army convoy.", "hamas", "israel", None),
    ("ASSAULT", "killed N soldiers of", "{X} killed 12 soldiers of {Y} in a border clash.", "azerbaijan", "armenia", None),
    ("ASSAULT", "killed N Y soldiers (demonym)", "{X} killed three Indian soldiers in Kashmir.", "pakistan", "india", None),
    ("ASSAULT", "struck targets inside Y's territory", "{X} struck targets inside {Y's} territory.", "pakistan", "afghanistan", None),
    ("ASSAULT", "nominal: X's strikes on Y", "{X's} strikes on {Y} continued on Sunday.", "israel", "lebanon", None),
    ("ASSAULT", "nominal: an attack by X on Y", "An attack by {X} on {Y} killed four people.", "hamas", "israel", None),
    ("ASSAULT", "were killed in an X strike", "Five people were killed in an Israeli strike on {Y}.", "israel", "lebanon", None),
    ("ASSAULT", "passive: was hit by", "{Y's} embassy was hit by missiles fired by {X}.", "russia", "ukraine", None),
    ("ASSAULT", "passive: were attacked by", "{Y} ships were attacked by {X}.", "iran", "us", None),
    ("ASSAULT", "on Monday launched airstrikes on", "{X} on Monday launched airstrikes on {Y}.", "us", "syria", None),
    ("ASSAULT", "carried out strikes against", "{X} carried out strikes against {Y} in Yemen.", "us", "iran", None),
    ("ASSAULT", "a drone attack by X", "{Y} said a drone attack by {X} hit its main airport.", "russia", "ukraine", None),
    ("ASSAULT", "said it had struck", "{X} said it had struck {Y's} weapons depots.", "israel", "hezbollah", None),
    ("ASSAULT", "targeted", "{X} targeted {Y's} air defences.", "israel", "iran", None),
    ("ASSAULT", "bombarded", "{X} bombarded {Y's} northern towns.", "hezbollah", "israel", None),
    ("ASSAULT", "invaded", "{X} invaded {Y} in 2022.", "russia", "ukraine", None),
    # THREATEN
    ("THREATEN", "threatened to", "{X} threatened to strike {Y}.", "iran", "israel", None),
    ("THREATEN", "threatened Y with sanctions", "{X} threatened {Y} with sanctions.", "us", "venezuela", None),
    ("THREATEN", "warned of retaliation against", "{X} warned of retaliation against {Y}.", "iran", "us", None),
    ("THREATEN", "vowed to retaliate against", "{X} vowed to retaliate against {Y}.", "nkorea", "skorea", None),
    ("THREATEN", "warned Y that it would", "{X} warned {Y} that it would respond with force.", "china", "japan", None),
    ("THREATEN", "threatened to impose tariffs on", "{X} threatened to impose tariffs on {Y}.", "us", "china", None),
    ("THREATEN", "has threatened", "{X} has threatened {Y} with military action.", "turkey", "syria", None),
    ("THREATEN", "leader threatened", "{X} threatened {Y} with nuclear weapons.", "putin", "uk", None),
    ("THREATEN", "issued an ultimatum to", "{X} issued an ultimatum to {Y}.", "ethiopia", "sudan", None),
    ("THREATEN", "warned Y against", "{X} warned {Y} against crossing the border.", "china", "india", None),
    ("THREATEN", "threatened to cut ties with", "{X} threatened to cut ties with {Y}.", "colombia", "venezuela", None),
    ("THREATEN", "vowed revenge against", "{X} vowed revenge against {Y}.", "hezbollah", "israel", None),
    ("THREATEN", "said it would retaliate against", "{X} said it would retaliate against {Y}.", "iran", "israel", None),
    ("THREATEN", "nominal: X's threat to", "{X's} threat to attack {Y} alarmed its neighbours.", "nkorea", "skorea", None),
    # SUPPORT
    ("SUPPORT", "backed", "{X} backed {Y's} bid for membership.", "france", "ukraine", None),
    ("SUPPORT", "endorsed", "{X} endorsed {Y's} peace plan.", "saudi", "egypt", None),
    ("SUPPORT", "voiced support for", "{X} voiced support for {Y}.", "china", "pakistan", None),
    ("SUPPORT", "welcomed Y's decision", "{X} welcomed {Y's} decision to release the prisoners.", "eu", "iran", None),
    ("SUPPORT", "praised", "{X} praised {Y} for its mediation.", "us", "qatar", None),
    ("SUPPORT", "recognized Y", "{X} recognized {Y} as a sovereign state.", "brazil", "ukraine", None),
    ("SUPPORT", "expressed solidarity with", "{X} expressed solidarity with {Y}.", "turkey", "hamas", None),
    ("SUPPORT", "threw its weight behind", "{X} threw its weight behind {Y}.", "russia", "syria", None),
    ("SUPPORT", "leader praised", "{X} praised {Y's} leadership.", "putin", "china", None),
    ("SUPPORT", "reaffirmed support for", "{X} reaffirmed its support for {Y}.", "uk", "ukraine", None),
    ("SUPPORT", "congratulated", "{X} congratulated {Y} on the election.", "india", "japan", None),
    ("SUPPORT", "hailed", "{X} hailed {Y's} role in the talks.", "us", "egypt", None),
    ("SUPPORT", "passive: was backed by", "{Y's} proposal was backed by {X}.", "germany", "france", None),
    ("SUPPORT", "on Monday backed", "{X} on Monday backed {Y's} candidacy.", "germany", "ukraine", None),
    ("SUPPORT", "stood by", "{X} stood by {Y}.", "iran", "hezbollah", "not coded before the eleventh pass"),
    ("SUPPORT", "said it supported", "{X} said it supported {Y's} right to self-defence.", "us", "israel", None),
    # SANCTION
    ("SANCTION", "imposed sanctions on", "{X} imposed sanctions on {Y}.", "us", "iran", None),
    ("SANCTION", "expelled Y's diplomats", "{X} expelled {Y's} diplomats.", "uk", "russia", None),
    ("SANCTION", "expelled N Y diplomats (demonym)", "{X} expelled four Russian diplomats.", "germany", "russia", None),
    ("SANCTION", "recalled its ambassador from", "{X} recalled its ambassador from {Y}.", "israel", "turkey", None),
    ("SANCTION", "suspended ties with", "{X} suspended ties with {Y}.", "colombia", "israel", None),
    ("SANCTION", "froze assets of", "{X} froze the assets of {Y's} central bank.", "eu", "russia", None),
    ("SANCTION", "banned imports from", "{X} banned imports from {Y}.", "china", "japan", None),
    ("SANCTION", "severed diplomatic relations with", "{X} severed diplomatic relations with {Y}.", "saudi", "iran", None),
    ("SANCTION", "slapped tariffs on", "{X} slapped tariffs on {Y's} steel.", "us", "china", None),
    ("SANCTION", "passive: sanctions imposed by", "Sanctions imposed by {X} on {Y} took effect.", "eu", "iran", None),
    ("SANCTION", "nominal: new sanctions against", "{X} announced new sanctions against {Y}.", "uk", "iran", None),
    ("SANCTION", "blacklisted", "{X} blacklisted {Y's} companies.", "us", "china", None),
    ("SANCTION", "cut diplomatic ties with", "{X} cut diplomatic ties with {Y}.", "venezuela", "colombia", None),
    ("SANCTION", "on Monday imposed", "{X} on Monday imposed fresh sanctions on {Y}.", "eu", "russia", None),
    ("SANCTION", "leader imposed sanctions", "{X} imposed sanctions on {Y}.", "putin", "uk", None),
    ("SANCTION", "halted trade with", "{X} halted trade with {Y}.", "turkey", "israel", None),
    # AID
    ("AID", "sent aid to", "{X} sent humanitarian aid to {Y}.", "egypt", "sudan", None),
    ("AID", "delivered weapons to", "{X} delivered air defence systems to {Y}.", "germany", "ukraine", None),
    ("AID", "donated", "{X} donated $50 million to {Y}.", "saudi", "lebanon", None),
    ("AID", "provided ... to", "{X} provided fuel and food to {Y}.", "qatar", "lebanon", None),
    ("AID", "granted a loan to", "{X} granted a $2 billion loan to {Y}.", "china", "pakistan", None),
    ("AID", "a $N bailout for Y", "{X} approved a $3 billion bailout for {Y}.", "imf", "pakistan", None),
    ("AID", "supplied Y with", "{X} supplied {Y} with drones.", "iran", "russia", None),
    ("AID", "shipped ammunition to", "{X} shipped ammunition to {Y}.", "nkorea", "russia", None),
    ("AGREE", "pledged aid to (a pledge is AGREE)", "{X} pledged $1 billion in aid to {Y}.", "eu", "egypt", None),
    ("AID", "military aid to", "{X} announced military aid to {Y}.", "uk", "ukraine", None),
    ("AID", "passive: aid sent by", "Aid sent by {X} reached {Y} on Friday.", "turkey", "syria", None),
    ("AID", "financed", "{X} financed {Y's} budget deficit.", "saudi", "egypt", None),
    ("AID", "airlifted supplies to", "{X} airlifted medical supplies to {Y}.", "france", "lebanon", None),
    ("AID", "gave Y", "{X} gave {Y} $500 million in aid.", "us", "ukraine", None),
    # a second batch per type: wider wording, actor forms and frames
    ("REJECT", "flatly rejected Y's demands", "{X} flatly rejected {Y's} demands.", "kremlin", "ukraine", None),
    ("REJECT", "passive: was turned down by", "{Y's} request for talks was turned down by {X}.", "china", "us", None),
    ("REJECT", "passive: was refused by", "{Y's} request for access was refused by {X}.", "iran", "eu", None),
    ("REJECT", "balked at", "{X} balked at {Y's} demands.", "israel", "us", None),
    ("REJECT", "snubbed Y's invitation", "{X} snubbed {Y's} invitation to the summit.", "india", "china", None),
    ("REJECT", "fronted participle: Rejecting Y's offer, X", "Rejecting {Y's} offer, {X} said the war would go on.", "kremlin", "ukraine", None),
    ("REJECT", "In a statement, X rejected", "In a statement, {X} rejected {Y's} demands.", "hamas", "israel", None),
    ("REJECT", "ministry on Tuesday rejected a proposal from", "{X's} foreign ministry on Tuesday rejected a proposal from {Y}.", "iran", "france", None),
    ("REJECT", "dismissed out of hand", "{X} dismissed out of hand {Y's} ceasefire offer.", "kremlin", "ukraine", None),
    ("REJECT", "relative: a proposal by Y that X rejected", "Talks stalled over a proposal by {Y} that {X} rejected.", "israel", "egypt", "not coded before the eleventh pass"),
    ("REJECT", "demonym adjective: rejected the American proposal", "{X} rejected the American proposal.", "tehran", "us", None),
    ("REJECT", "rejected a U.S. proposal", "{X} rejected a U.S. proposal for a truce.", "hamas", "us", None),
    ("REJECT", "leader dismissed Y's offer", "{X} dismissed {Y's} offer of talks.", "netanyahu", "hamas", None),
    ("REJECT", "refused Y's request for", "{X} has refused {Y's} request for extradition.", "afghanistan", "pakistan", None),
    ("REJECT", "rejected Y's accusations", "{X} rejected {Y's} accusations.", "china", "us", None),
    ("AGREE", "X and Y on Monday signed", "{X} and {Y} on Monday signed a defence pact.", "saudi", "pakistan", None),
    ("AGREE", "reached an agreement with", "{X} reached an agreement with {Y} on prisoner swaps.", "russia", "ukraine", None),
    ("AGREE", "X and Y reached a ceasefire agreement", "{X} and {Y} reached a ceasefire agreement.", "israel", "hamas", None),
    ("AGREE", "X and Y inked a deal", "{X} and {Y} inked a deal on energy.", "japan", "india", None),
    ("AGREE", "promised Y weapons", "{X} promised {Y} more air defence systems.", "germany", "ukraine", None),
    ("AGREE", "X and Y struck a deal", "{X} and {Y} struck a deal to end the dispute.", "colombia", "venezuela", None),
    ("AGREE", "participial: the deal, signed by X and Y", "The deal, signed by {X} and {Y} in Cairo, ends the war.", "ethiopia", "sudan", None),
    ("AGREE", "relative: X, which signed a deal with Y", "{X}, which signed a gas deal with {Y} last year, wants more.", "egypt", "israel", None),
    ("AGREE", "accepted Y's ceasefire proposal", "{X} accepted {Y's} ceasefire proposal.", "hamas", "egypt", None),
    ("AGREE", "nominal: X's agreement with Y", "{X's} agreement with {Y} allows inspections.", "iran", "iaea", None),
    ("AGREE", "a deal between X and Y", "A deal between {X} and {Y} was reached on Sunday.", "israel", "hamas", None),
    ("AGREE", "leader agreed to", "{X} agreed to {Y's} request for a truce.", "erdogan", "russia", None),
    ("AGREE", "the two sides signed", "{X} hosted {Y}, and the two sides signed a trade pact.", "china", "brazil", None),
    ("AGREE", "X and Y's accord", "{X} and {Y} signed their accord in Washington.", "armenia", "azerbaijan", None),
    ("ASSAULT", "X's forces shelled Y", "{X's} forces shelled {Y's} border towns.", "azerbaijan", "armenia", None),
    ("ASSAULT", "troops opened fire on Y soldiers", "Indian troops opened fire on Pakistani soldiers.", "india", "pakistan", None),
    ("ASSAULT", "launched a missile attack on", "{X} launched a missile attack on {Y}.", "iran", "israel", None),
    ("ASSAULT", "carried out airstrikes on", "{X} carried out airstrikes on {Y}.", "turkey", "iraq", None),
    ("ASSAULT", "fired missiles into", "{X} fired missiles into {Y}.", "nkorea", "skorea", None),
    ("ASSAULT", "X drones hit Y's depot", "Ukrainian drones hit {Y's} oil depot.", "ukraine", "russia", None),
    ("ASSAULT", "came under attack from", "{Y's} power grid came under attack from {X}.", "russia", "ukraine", None),
    ("ASSAULT", "Israeli jets struck positions in", "{X} struck {Y} positions in southern Lebanon.", "idf", "hezbollah", None),
    ("ASSAULT", "shot down a Y drone", "{X} shot down an Iranian drone.", "israel", "iran", None),
    ("ASSAULT", "navy fired on Y vessels", "{X's} navy fired on {Y's} vessels.", "china", "japan", None),
    ("ASSAULT", "killed a Y commander in a drone strike", "{X} killed a {Y} commander in a drone strike.", "israel", "hezbollah", None),
    ("ASSAULT", "passive: were killed by", "Four {Y} soldiers were killed by {X} on Sunday.", "russia", "ukraine", None),
    ("ASSAULT", "nominal: X's missile strikes on Y", "{X's} missile strikes on {Y} killed dozens.", "russia", "ukraine", None),
    ("ASSAULT", "Russian forces attacked", "{X} attacked {Y's} positions near the river.", "rusforces", "ukraine", None),
    ("ASSAULT", "leader ordered strikes on", "{X} ordered strikes on {Y}.", "netanyahu", "iran", "not coded before the eleventh pass"),
    ("THREATEN", "warned Y of consequences", "{X} warned {Y} of serious consequences.", "china", "us", None),
    ("THREATEN", "warned Y not to", "{X} warned {Y} not to interfere.", "russia", "uk", None),
    ("THREATEN", "threatened military action against", "{X} threatened military action against {Y}.", "us", "venezuela", None),
    ("THREATEN", "threatened retaliation against", "{X} threatened retaliation against {Y}.", "nkorea", "us", None),
    ("THREATEN", "warned that it would strike", "{X} warned that it would strike {Y}.", "iran", "israel", None),
    ("THREATEN", "threatened to expel Y's ambassador", "{X} threatened to expel {Y's} ambassador.", "ethiopia", "egypt", None),
    ("THREATEN", "vowed to punish", "{X} vowed to punish {Y}.", "iran", "israel", None),
    ("THREATEN", "issued a warning to", "{X} issued a stern warning to {Y}.", "china", "japan", None),
    ("THREATEN", "gave Y an ultimatum", "{X} gave {Y} a 48-hour ultimatum.", "israel", "hamas", None),
    ("THREATEN", "threatened Y with war", "{X} threatened {Y} with war.", "nkorea", "skorea", None),
    ("THREATEN", "leader warned Y", "{X} warned {Y} against deploying troops.", "putin", "france", None),
    ("THREATEN", "Kremlin warned", "{X} warned {Y} of a response.", "kremlin", "germany", None),
    ("SUPPORT", "nominal: X's backing for Y", "{X} reaffirmed its backing for {Y}.", "china", "russia", None),
    ("SUPPORT", "came out in support of", "{X} came out in support of {Y}.", "uk", "france", None),
    ("SUPPORT", "applauded Y's efforts", "{X} applauded {Y's} efforts to end the war.", "us", "qatar", None),
    ("SUPPORT", "lauded", "{X} lauded {Y} for hosting the talks.", "eu", "egypt", None),
    ("SUPPORT", "thanked", "{X} thanked {Y} for its help.", "zelensky", "germany", None),
    ("SUPPORT", "offered condolences to", "{X} offered condolences to {Y}.", "india", "japan", None),
    ("SUPPORT", "sided with", "{X} sided with {Y} in the dispute.", "russia", "china", None),
    ("SUPPORT", "defended Y's right to", "{X} defended {Y's} right to defend itself.", "whitehouse", "israel", None),
    ("SUPPORT", "formally recognised Y", "{X} formally recognised {Y} as a state.", "france", "palestine", None),
    ("SUPPORT", "rallied behind", "{X} rallied behind {Y}.", "eu", "ukraine", None),
    ("SUPPORT", "present: supports Y", "{X} supports {Y's} territorial integrity.", "turkey", "ukraine", None),
    ("SUPPORT", "leader endorsed", "{X} endorsed {Y's} plan.", "wang", "brazil", None),
    ("SANCTION", "sanctioned N Y officials (demonym)", "{X} sanctioned five Iranian officials.", "us", "iran", None),
    ("SANCTION", "slapped sanctions on", "{X} slapped sanctions on {Y}.", "uk", "russia", None),
    ("SANCTION", "expelled Y's ambassador", "{X} expelled {Y's} ambassador.", "sudan", "uk", None),
    ("SANCTION", "declared Y's envoy persona non grata", "{X} declared {Y's} envoy persona non grata.", "ethiopia", "france", None),
    ("SANCTION", "ordered Y's diplomats to leave", "{X} ordered {Y's} diplomats to leave the country.", "venezuela", "us", None),
    ("SANCTION", "closed its embassy in", "{X} closed its embassy in {Y}.", "uk", "iran", None),
    ("SANCTION", "downgraded ties with", "{X} downgraded ties with {Y}.", "lebanon", "saudi", None),
    ("SANCTION", "broke off relations with", "{X} broke off relations with {Y}.", "colombia", "israel", None),
    ("SANCTION", "imposed an embargo on", "{X} imposed an arms embargo on {Y}.", "eu", "sudan", None),
    ("SANCTION", "tightened export controls on", "{X} tightened export controls on {Y}.", "us", "china", None),
    ("SANCTION", "froze Y's assets", "{X} froze {Y's} assets.", "eu", "russia", None),
    ("SANCTION", "nominal: X's sanctions on Y", "{X's} sanctions on {Y} hit its oil exports.", "us", "venezuela", None),
    ("SANCTION", "passive: was hit with sanctions by", "{Y} was hit with new sanctions by {X}.", "us", "iran", None),
    ("AID", "sent N tons of aid to", "{X} sent 200 tons of aid to {Y}.", "turkey", "syria", None),
    ("AID", "gave Y weapons", "{X} gave {Y} tanks and artillery.", "uk", "ukraine", None),
    ("AID", "delivered aid to", "{X} delivered aid to {Y}.", "egypt", "sudan", None),
    ("AID", "extended a credit line to", "{X} extended a $1 billion credit line to {Y}.", "india", "srilanka", None),
    ("AID", "lent Y", "{X} lent {Y} $2 billion.", "china", "pakistan", None),
    ("AID", "announced an aid package for", "{X} announced a $400 million aid package for {Y}.", "us", "ukraine", None),
    ("AID", "provided Y with", "{X} provided {Y} with air defence systems.", "germany", "ukraine", None),
    ("AID", "received aid from", "{Y} received aid from {X}.", "qatar", "syria", None),
    ("AID", "airdropped food to", "{X} airdropped food to {Y}.", "jordan", "palestine", None),
    ("AID", "approved a loan for", "{X} approved a $1 billion loan for {Y}.", "imf", "egypt", None),
    ("AID", "disbursed to", "{X} disbursed $700 million to {Y}.", "imf", "pakistan", None),
    ("AID", "armed", "{X} armed and trained {Y's} fighters.", "iran", "hezbollah", None),
    ("AID", "funded", "{X} funded {Y's} reconstruction.", "saudi", "syria", None),
    ("AID", "handed over tanks to", "{X} handed over 30 tanks to {Y}.", "germany", "ukraine", None),
    # a third batch: present tense, quotes, metonyms, double objects, 'with' instruments
    ("REJECT", "X rejects Y's peace plan", "{X} rejects {Y's} peace plan.", "kremlin", "ukraine", None),
    ("REJECT", "X said it 'categorically rejects' Y's demands", "{X} said it \"categorically rejects\" {Y's} demands.", "china", "us", None),
    ("REJECT", "X said no to Y's request for a meeting", "{X} said no to {Y's} request for a meeting.", "israel", "us", None),
    ("REJECT", "X denied Y's request for overflight rights", "{X} denied {Y's} request for overflight rights.", "turkey", "us", None),
    ("REJECT", "X turned down an invitation from Y", "{X} turned down an invitation from {Y}.", "india", "china", None),
    ("REJECT", "X rejected a call by Y for a truce", "{X} rejected a call by {Y} for a truce.", "hamas", "egypt", None),
    ("REJECT", "X rejected Y's ceasefire proposal on Monday, saying it favoured Moscow", "{X} rejected {Y's} ceasefire proposal on Monday, saying it favoured Moscow.", "ukraine", "us", None),
    ("REJECT", "X has so far rejected all of Y's proposals", "{X} has so far rejected all of {Y's} proposals.", "iran", "eu", None),
    ("REJECT", "X rejected Blinken's proposal", "{X} rejected Blinken's proposal.", "iran", "us", None),
    ("REJECT", "X rejected as 'unacceptable' a proposal by Y", "{X} rejected as \"unacceptable\" a proposal by {Y}.", "russia", "ukraine", None),
    ("REJECT", "X rejected Y's ultimatum", "{X} rejected {Y's} ultimatum.", "hamas", "israel", None),
    ("REJECT", "X rejected an offer by Y to mediate", "{X} rejected an offer by {Y} to mediate.", "ethiopia", "egypt", None),
    ("REJECT", "X refused to hand over the suspects to Y", "{X} refused to hand over the suspects to {Y}.", "afghanistan", "pakistan", None),
    ("REJECT", "X vetoed a Y-drafted resolution", "{X} vetoed a {Y}-drafted resolution.", "russia", "us", None),
    ("REJECT", "X rejected a U.S.-drafted resolution", "{X} rejected a U.S.-drafted resolution.", "russia", "us", None),
    ("REJECT", "X again rejected Y's demands", "{X} again rejected {Y's} demands.", "nkorea", "skorea", None),
    ("REJECT", "X's foreign ministry rejected the proposal made by Y", "{X}'s foreign ministry rejected the proposal made by {Y}.", "iran", "france", None),
    ("REJECT", "X opposed Y's bid to join the bloc", "{X} opposed {Y's} bid to join the bloc.", "turkey", "armenia", None),
    ("REJECT", "X spurned Y's offer", "{X} spurned {Y's} offer.", "venezuela", "colombia", None),
    ("REJECT", "X rebuffed calls from Y to resume talks", "{X} rebuffed calls from {Y} to resume talks.", "nkorea", "us", None),
    ("REJECT", "X rejected the European proposal", "{X} rejected the European proposal.", "russia", "eu", None),
    ("THREATEN", "X warned Y it would pay a heavy price", "{X} warned {Y} it would pay a heavy price.", "iran", "israel", None),
    ("THREATEN", "X warned that Y would pay a heavy price", "{X} warned that {Y} would pay a heavy price.", "iran", "israel", None),
    ("THREATEN", "X threatened a 'decisive response' against Y", "{X} threatened a \"decisive response\" against {Y}.", "iran", "us", None),
    ("THREATEN", "X raised the prospect of military action against Y", "{X} raised the prospect of military action against {Y}.", "us", "iran", None),
    ("THREATEN", "X warned of a crushing response to any attack by Y", "{X} warned of a crushing response to any attack by {Y}.", "iran", "israel", None),
    ("THREATEN", "X threatens Y with new tariffs", "{X} threatens {Y} with new tariffs.", "us", "china", None),
    ("THREATEN", "X has warned Y against any escalation", "{X} has warned {Y} against any escalation.", "china", "japan", None),
    ("THREATEN", "X threatened to sever ties with Y", "{X} threatened to sever ties with {Y}.", "ethiopia", "sudan", None),
    ("THREATEN", "X threatened Y", "{X} threatened {Y}.", "nkorea", "skorea", None),
    ("THREATEN", "X issued threats against Y", "{X} issued threats against {Y}.", "russia", "uk", None),
    ("THREATEN", "X vowed to hit back at Y", "{X} vowed to hit back at {Y}.", "china", "us", None),
    ("THREATEN", "X vowed to respond to Y", "{X} vowed to respond to {Y}.", "iran", "israel", None),
    ("THREATEN", "X said it would hit back against Y", "{X} said it would hit back against {Y}.", "china", "us", None),
    ("THREATEN", "X warned Y of 'serious consequences' if it deployed missiles", "{X} warned {Y} of \"serious consequences\" if it deployed missiles.", "russia", "japan", None),
    ("THREATEN", "X threatened to retaliate against Y", "{X} threatened to retaliate against {Y}.", "iran", "us", None),
    ("THREATEN", "X warned it would retaliate against Y", "{X} warned it would retaliate against {Y}.", "iran", "us", None),
    ("THREATEN", "X threatened to attack Y's ships", "{X} threatened to attack {Y's} ships.", "iran", "us", None),
    ("THREATEN", "X vowed to avenge the killing, blaming Y", "{X} vowed to avenge the killing, blaming {Y}.", "hezbollah", "israel", "not coded yet"),
    ("THREATEN", "X's warning to Y came a day after the strike", "{X's} warning to {Y} came a day after the strike.", "china", "japan", None),
    ("AGREE", "X and Y agreed on a prisoner exchange", "{X} and {Y} agreed on a prisoner exchange.", "russia", "ukraine", None),
    ("AGREE", "X signed on to Y's peace plan", "{X} signed on to {Y's} peace plan.", "hamas", "us", None),
    ("AGREE", "X accepted Y's proposal", "{X} accepted {Y's} proposal.", "ukraine", "us", None),
    ("AGREE", "X endorsed a deal with Y", "{X} endorsed a deal with {Y}.", "iraq", "turkey", "not coded yet"),
    ("AGREE", "X agreed to buy gas from Y", "{X} agreed to buy gas from {Y}.", "germany", "qatar", None),
    ("AGREE", "X pledged to Y to keep the strait open", "{X} pledged to {Y} to keep the strait open.", "iran", "china", None),
    ("AGREE", "X promised Y support", "{X} promised {Y} support.", "china", "russia", None),
    ("AGREE", "X and Y sealed a deal", "{X} and {Y} sealed a deal.", "uk", "india", None),
    ("AGREE", "X and Y clinched a trade pact", "{X} and {Y} clinched a trade pact.", "eu", "india", None),
    ("AGREE", "X has agreed to a ceasefire with Y", "{X} has agreed to a ceasefire with {Y}.", "hezbollah", "israel", None),
    ("AGREE", "X agreed to a ceasefire proposed by Y", "{X} agreed to a ceasefire proposed by {Y}.", "hamas", "egypt", None),
    ("AGREE", "X and Y have agreed to restore diplomatic ties", "{X} and {Y} have agreed to restore diplomatic ties.", "saudi", "iran", None),
    ("AGREE", "X signed the agreement with Y in Riyadh", "{X} signed the agreement with {Y} in Riyadh.", "us", "saudi", None),
    ("AGREE", "X reached an understanding with Y", "{X} reached an understanding with {Y}.", "turkey", "russia", None),
    ("ASSAULT", "X hit Y with a barrage of missiles", "{X} hit {Y} with a barrage of missiles.", "russia", "ukraine", None),
    ("ASSAULT", "X rained missiles on Y", "{X} rained missiles on {Y}.", "russia", "ukraine", None),
    ("ASSAULT", "X pummelled Y's positions", "{X} pummelled {Y's} positions.", "russia", "ukraine", "not coded yet"),
    ("ASSAULT", "X shelled Y", "{X} shelled {Y}.", "azerbaijan", "armenia", None),
    ("ASSAULT", "X mounted an attack on Y", "{X} mounted an attack on {Y}.", "hamas", "israel", None),
    ("ASSAULT", "X staged a raid on Y's headquarters", "{X} staged a raid on {Y's} headquarters.", "israel", "hamas", None),
    ("ASSAULT", "X carried out a drone strike on Y", "{X} carried out a drone strike on {Y}.", "us", "syria", None),
    ("ASSAULT", "X conducted airstrikes against Y", "{X} conducted airstrikes against {Y}.", "us", "iran", None),
    ("ASSAULT", "X attacked Y with drones", "{X} attacked {Y} with drones.", "russia", "ukraine", None),
    ("ASSAULT", "X struck Y overnight", "{X} struck {Y} overnight.", "israel", "iran", None),
    ("ASSAULT", "X killed dozens of Y fighters", "{X} killed dozens of {Y} fighters.", "israel", "hamas", None),
    ("ASSAULT", "X killed a senior Y commander", "{X} killed a senior {Y} commander.", "israel", "hezbollah", None),
    ("ASSAULT", "X assassinated Y's leader", "{X} assassinated {Y's} leader.", "israel", "hamas", None),
    ("ASSAULT", "X launched a wave of drones at Y", "{X} launched a wave of drones at {Y}.", "russia", "ukraine", None),
    ("ASSAULT", "X launched missiles at Y", "{X} launched missiles at {Y}.", "iran", "israel", None),
    ("ASSAULT", "X fired on Y border posts", "{X} fired on {Y} border posts.", "pakistan", "afghanistan", None),
    ("ASSAULT", "Y came under fire from X", "{Y} came under fire from {X}.", "ukraine", "russia", None),
    ("ASSAULT", "Y was struck by X missiles", "{Y} was struck by {X} missiles.", "ukraine", "russia", None),
    ("ASSAULT", "X unleashed a barrage of rockets on Y", "{X} unleashed a barrage of rockets on {Y}.", "hezbollah", "israel", None),
    ("ASSAULT", "X bombed Y overnight, killing 12", "{X} bombed {Y} overnight, killing 12.", "russia", "ukraine", None),
    ("ASSAULT", "X targeted Y with ballistic missiles", "{X} targeted {Y} with ballistic missiles.", "iran", "israel", None),
    ("ASSAULT", "Missiles fired by X struck Y", "Missiles fired by {X} struck {Y}.", "iran", "israel", None),
    ("ASSAULT", "X's airstrikes killed 20 people in Y", "{X's} airstrikes killed 20 people in {Y}.", "israel", "lebanon", None),
    ("ASSAULT", "X troops attacked Y positions", "{X} troops attacked {Y} positions.", "rusforces", "ukraine", None),
    ("SUPPORT", "X voiced its backing for Y", "{X} voiced its backing for {Y}.", "turkey", "azerbaijan", None),
    ("AGREE", "X pledged support for Y", "{X} pledged support for {Y}.", "eu", "ukraine", None),
    ("SUPPORT", "X expressed support for Y's plan", "{X} expressed support for {Y's} plan.", "saudi", "egypt", None),
    ("SUPPORT", "X threw its support behind Y", "{X} threw its support behind {Y}.", "china", "russia", None),
    ("SUPPORT", "X welcomed Y's announcement", "{X} welcomed {Y's} announcement.", "us", "india", None),
    ("SUPPORT", "X commended Y for its role", "{X} commended {Y} for its role.", "iaea", "qatar", None),
    ("SUPPORT", "X hailed Y as a partner", "{X} hailed {Y} as a partner.", "us", "india", None),
    ("SUPPORT", "X applauded Y", "{X} applauded {Y}.", "eu", "ukraine", None),
    ("SUPPORT", "X backed Y in its dispute with Beijing", "{X} backed {Y} in its dispute with Beijing.", "us", "japan", "not coded yet"),
    ("SUPPORT", "X is backing Y", "{X} is backing {Y}.", "iran", "russia", None),
    ("SUPPORT", "X recognised Y's sovereignty", "{X} recognised {Y's} sovereignty.", "us", "ukraine", None),
    ("SUPPORT", "X expressed solidarity with the people of Y", "{X} expressed solidarity with the people of {Y}.", "turkey", "syria", None),
    ("SUPPORT", "X said it stood with Y", "{X} said it stood with {Y}.", "uk", "ukraine", None),
    ("SUPPORT", "X lent its support to Y", "{X} lent its support to {Y}.", "china", "pakistan", None),
    ("SUPPORT", "X welcomed the decision by Y", "{X} welcomed the decision by {Y}.", "eu", "iran", None),
    ("SANCTION", "X hit Y with new sanctions", "{X} hit {Y} with new sanctions.", "us", "iran", None),
    ("SANCTION", "X imposed fresh sanctions targeting Y's oil sector", "{X} imposed fresh sanctions targeting {Y's} oil sector.", "us", "iran", None),
    ("SANCTION", "X expelled two diplomats from Y's embassy", "{X} expelled two diplomats from {Y's} embassy.", "germany", "russia", None),
    ("SANCTION", "X ordered the expulsion of Y's ambassador", "{X} ordered the expulsion of {Y's} ambassador.", "sudan", "uk", None),
    ("SANCTION", "X suspended diplomatic relations with Y", "{X} suspended diplomatic relations with {Y}.", "colombia", "israel", None),
    ("SANCTION", "X recalled its envoy to Y", "{X} recalled its envoy to {Y}.", "france", "iran", None),
    ("SANCTION", "X halted imports of Y goods", "{X} halted imports of {Y} goods.", "china", "japan", None),
    ("SANCTION", "X banned Russian airlines from its airspace", "{X} banned Russian airlines from its airspace.", "eu", "russia", None),
    ("SANCTION", "X imposed tariffs on Y goods", "{X} imposed tariffs on {Y} goods.", "us", "china", None),
    ("SANCTION", "X placed Y on a sanctions list", "{X} placed {Y} on a sanctions list.", "uk", "iran", None),
    ("SANCTION", "X added Chinese firms to its entity list", "{X} added Chinese firms to its entity list.", "us", "china", None),
    ("SANCTION", "X closed its border with Y", "{X} closed its border with {Y}.", "pakistan", "afghanistan", None),
    ("SANCTION", "X suspended aid to Y", "{X} suspended aid to {Y}.", "us", "afghanistan", None),
    ("SANCTION", "X severed ties with Y", "{X} severed ties with {Y}.", "egypt", "qatar", None),
    ("AID", "X sent food to Y", "{X} sent food to {Y}.", "egypt", "palestine", None),
    ("AID", "X delivered humanitarian supplies to Y", "{X} delivered humanitarian supplies to {Y}.", "jordan", "palestine", None),
    ("AID", "X provided $100 million in aid to Y", "{X} provided $100 million in aid to {Y}.", "uk", "ukraine", None),
    ("AGREE", "X pledged to send aid to Y", "{X} pledged to send aid to {Y}.", "uk", "sudan", None),
    ("AID", "X granted Y a $1 billion loan", "{X} granted {Y} a $1 billion loan.", "saudi", "pakistan", None),
    ("AID", "X sent weapons to Y", "{X} sent weapons to {Y}.", "iran", "russia", None),
    ("AID", "X supplied weapons to Y", "{X} supplied weapons to {Y}.", "us", "israel", None),
    ("AID", "X is supplying Y with arms", "{X} is supplying {Y} with arms.", "iran", "russia", None),
    ("AID", "X gave Y military aid", "{X} gave {Y} military aid.", "us", "israel", None),
    ("AID", "X delivered tanks to Y", "{X} delivered tanks to {Y}.", "germany", "ukraine", None),
    ("AID", "X transferred $1 billion to Y", "{X} transferred $1 billion to {Y}.", "qatar", "egypt", None),
    ("AID", "X rushed aid to Y", "{X} rushed aid to {Y}.", "turkey", "syria", None),
    ("AID", "X dispatched relief supplies to Y", "{X} dispatched relief supplies to {Y}.", "india", "srilanka", None),
    ("AID", "X bailed out Y", "{X} bailed out {Y}.", "imf", "egypt", None),
    ("AID", "X offered aid to Y", "{X} offered aid to {Y}.", "china", "afghanistan", None),
    ("AGREE", "X agreed a $3 billion bailout for Y", "{X} agreed a $3 billion bailout for {Y}.", "imf", "pakistan", None),
]
# fmt: on

# Negative cases: forms that must NOT code the event.
# fmt: off
_NEGATIVE: list[tuple[str, str, str, str, str]] = [
    ("REJECT", "negated", "{X} did not reject {Y's} proposal.", "iran", "us"),
    ("REJECT", "claims, not an actor's proposal", "{X} rejected claims that its troops had entered the town.", "russia", "ukraine"),
    ("REJECT", "hypothetical", "{X} could reject {Y's} proposal.", "iran", "us"),
    ("AGREE", "negated", "{X} has not signed any agreement with {Y}.", "india", "pakistan"),
    ("AGREE", "hypothetical", "{X} might sign a deal with {Y} next year.", "india", "uk"),
    ("ASSAULT", "negated", "{X} did not attack {Y}.", "india", "pakistan"),
    ("ASSAULT", "no Y was targeted", "{X} said no {Y} targets were hit.", "india", "pakistan"),
    ("THREATEN", "denied threatening", "{X} denied threatening {Y}.", "china", "japan"),
    ("SUPPORT", "negated", "{X} does not support {Y's} bid.", "france", "turkey"),
    ("SANCTION", "hypothetical", "{X} may impose sanctions on {Y}.", "us", "china"),
    ("AID", "negated", "{X} has not sent aid to {Y}.", "egypt", "sudan"),
    ("SUPPORT", "a plan to act on Y is no target of its backing", "A plan to attack {Y} was backed by {X}.", "iran", "israel"),
    ("REJECT", "a passive plan, negated", "{Y's} offer was not rejected by {X}.", "israel", "hamas"),
    ("REJECT", "a passive plan, hypothetical", "{Y's} offer could be rejected by {X}.", "israel", "hamas"),
    ("ASSAULT", "a condemned attack by X is no attack on its judge", "{Y} condemned the attack by {X}.", "hezbollah", "israel"),
]
# fmt: on


def _fill(template: str, x: str, y: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    xid, xs, xp = _A[x]
    yid, ys, yp = _A[y]
    text = template.replace("{X's}", xp).replace("{Y's}", yp).replace("{X}", xs).replace("{Y}", ys)
    if text[0].islower():
        text = text[0].upper() + text[1:]
    return text, (xid,), (yid,)


def _coded(text: str) -> set[tuple[str, str, str]]:
    """The directed pairs coded in ``text`` (a reciprocal event gives both directions)."""
    return {
        (d[1], d[2], d[3]) for e in code_text(text) for d in dyads(0, e.type, e.source, e.target)
    }


def _cell(type_: str, template: str, x: str, y: str) -> bool:
    text, src, tgt = _fill(template, x, y)
    return (type_, src[0], tgt[0]) in _coded(text)


@pytest.mark.parametrize(
    ("type_", "construction", "template", "x", "y"),
    [
        pytest.param(*row[:5], marks=pytest.mark.xfail(reason=row[5], strict=True))
        if row[5]
        else pytest.param(*row[:5])
        for row in _ROWS
    ],
    ids=[f"{r[0]}:{r[1]}" for r in _ROWS],
)
def test_construction_is_coded(type_: str, construction: str, template: str, x: str, y: str):
    text, src, tgt = _fill(template, x, y)
    assert (type_, src[0], tgt[0]) in _coded(text), (construction, text, _coded(text))


@pytest.mark.parametrize(
    ("type_", "construction", "template", "x", "y"),
    _NEGATIVE,
    ids=[f"{r[0]}:{r[1]}" for r in _NEGATIVE],
)
def test_negative_form_is_not_coded(type_: str, construction: str, template: str, x: str, y: str):
    text, src, tgt = _fill(template, x, y)
    assert (type_, src[0], tgt[0]) not in _coded(text), (construction, text)


def main() -> None:  # pragma: no cover - a report for the rule author
    per_type: dict[str, list[int]] = {}
    for type_, construction, template, x, y, _ in _ROWS:
        ok = _cell(type_, template, x, y)
        per_type.setdefault(type_, [0, 0])
        per_type[type_][0] += ok
        per_type[type_][1] += 1
        if not ok:
            text, _, _ = _fill(template, x, y)
            print(f"FAIL {type_:9} {construction:45} {text}  ->  {sorted(_coded(text))}")
    for type_, construction, template, x, y in _NEGATIVE:
        if _cell(type_, template, x, y):
            print(f"FALSE {type_:9} {construction:45} {_fill(template, x, y)[0]}")
    total = [sum(v[0] for v in per_type.values()), sum(v[1] for v in per_type.values())]
    for type_, (ok, n) in per_type.items():
        print(f"{type_:9} {ok:3}/{n}")
    print(f"{'all':9} {total[0]:3}/{total[1]}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
