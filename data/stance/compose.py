#!/usr/bin/env python3
"""Compose wire-style stance sentences from our own phrase lists.

The phrase lists below are written for stance (nothing is copied from any
article or data set): who acts (actors with their titles, countries and
years in office), how wire copy reports it (frames: "said on Tuesday",
quotes, passive voice, "according to a statement"), and what they do, one
list per stance, named after the CAMEO categories that event-data coders
use (demand, threaten, sanction, reject, disapprove -> pressure; consult,
meet, mediate, negotiate, sign, yield -> negotiation; praise, endorse,
recognise, cooperate, aid -> support; statements, appeals, background,
statistics -> neutral).

Run from the repository root; it rewrites data/stance/wire.tsv, the same
bytes every time (fixed seed, sorted output):

    python3 data/stance/compose.py
"""
import random

# name, kind (p person, g government/body), group, pronoun, first year, last year, ways wire copy names them
ACTORS = [
    ("Joe Biden", "p", "United States", "he", 2021, 2024, ["President Joe Biden", "Biden", "U.S. President Joe Biden"]),
    ("Donald Trump", "p", "United States", "he", 2017, 2020, ["President Donald Trump", "Trump"]),
    ("Donald Trump", "p", "United States", "he", 2025, 2026, ["President Donald Trump", "Trump"]),
    ("Antony Blinken", "p", "United States", "he", 2021, 2024, ["Secretary of State Antony Blinken", "Blinken", "U.S. Secretary of State Antony Blinken"]),
    ("Marco Rubio", "p", "United States", "he", 2025, 2026, ["Secretary of State Marco Rubio", "Rubio"]),
    ("United States", "g", "United States", "it", 2015, 2026, ["Washington", "the United States", "the White House", "the State Department", "the U.S. Treasury"]),
    ("Nicolas Maduro", "p", "Venezuela", "he", 2015, 2026, ["President Nicolas Maduro", "Maduro", "Venezuelan President Nicolas Maduro"]),
    ("Venezuela", "g", "Venezuela", "it", 2015, 2026, ["Caracas", "Venezuela's government", "the Venezuelan foreign ministry"]),
    ("Juan Guaido", "p", "Venezuela opposition", "he", 2019, 2022, ["opposition leader Juan Guaido", "Guaido"]),
    ("Vladimir Putin", "p", "Russia", "he", 2015, 2026, ["President Vladimir Putin", "Putin", "Russian President Vladimir Putin"]),
    ("Sergei Lavrov", "p", "Russia", "he", 2015, 2026, ["Foreign Minister Sergei Lavrov", "Lavrov"]),
    ("Russia", "g", "Russia", "it", 2015, 2026, ["Moscow", "the Kremlin", "Russia's foreign ministry"]),
    ("Volodymyr Zelenskiy", "p", "Ukraine", "he", 2019, 2026, ["President Volodymyr Zelenskiy", "Zelenskiy", "Ukrainian President Volodymyr Zelenskiy"]),
    ("Ukraine", "g", "Ukraine", "it", 2015, 2026, ["Kyiv", "Ukraine's foreign ministry"]),
    ("Xi Jinping", "p", "China", "he", 2015, 2026, ["President Xi Jinping", "Xi", "Chinese President Xi Jinping"]),
    ("Wang Yi", "p", "China", "he", 2015, 2026, ["Foreign Minister Wang Yi", "Wang"]),
    ("China", "g", "China", "it", 2015, 2026, ["Beijing", "China's foreign ministry", "the Chinese government"]),
    ("Taiwan", "g", "Taiwan", "it", 2015, 2026, ["Taipei", "Taiwan's presidential office"]),
    ("Iran", "g", "Iran", "it", 2015, 2026, ["Tehran", "Iran's foreign ministry", "the Iranian government"]),
    ("Abbas Araghchi", "p", "Iran", "he", 2024, 2026, ["Foreign Minister Abbas Araghchi", "Araghchi"]),
    ("Benjamin Netanyahu", "p", "Israel", "he", 2015, 2026, ["Prime Minister Benjamin Netanyahu", "Netanyahu", "Israeli Prime Minister Benjamin Netanyahu"]),
    ("Israel", "g", "Israel", "it", 2015, 2026, ["Israel", "the Israeli government", "Israel's foreign ministry"]),
    ("Hamas", "g", "Hamas", "it", 2015, 2026, ["Hamas", "the Palestinian group Hamas"]),
    ("Mahmoud Abbas", "p", "Palestinian Authority", "he", 2015, 2026, ["President Mahmoud Abbas", "Abbas", "Palestinian President Mahmoud Abbas"]),
    ("Qatar", "g", "Qatar", "it", 2015, 2026, ["Qatar", "Doha", "Qatar's foreign ministry"]),
    ("Egypt", "g", "Egypt", "it", 2015, 2026, ["Cairo", "Egypt", "Egypt's foreign ministry"]),
    ("Saudi Arabia", "g", "Saudi Arabia", "it", 2015, 2026, ["Riyadh", "Saudi Arabia"]),
    ("Recep Tayyip Erdogan", "p", "Turkey", "he", 2015, 2026, ["President Tayyip Erdogan", "Erdogan", "Turkish President Tayyip Erdogan"]),
    ("Turkey", "g", "Turkey", "it", 2015, 2026, ["Ankara", "Turkey's foreign ministry"]),
    ("European Union", "g", "European Union", "it", 2015, 2026, ["the European Union", "the EU", "Brussels", "EU foreign ministers"]),
    ("Ursula von der Leyen", "p", "European Union", "she", 2019, 2026, ["European Commission President Ursula von der Leyen", "von der Leyen"]),
    ("United Nations", "g", "United Nations", "it", 2015, 2026, ["the United Nations", "the U.N. Security Council", "the U.N."]),
    ("Antonio Guterres", "p", "United Nations", "he", 2017, 2026, ["U.N. Secretary-General Antonio Guterres", "Guterres"]),
    ("NATO", "g", "NATO", "it", 2015, 2026, ["NATO", "the alliance", "NATO allies"]),
    ("Jens Stoltenberg", "p", "NATO", "he", 2015, 2024, ["NATO Secretary General Jens Stoltenberg", "Stoltenberg"]),
    ("African Union", "g", "African Union", "it", 2015, 2026, ["the African Union", "the AU"]),
    ("Abdel Fattah al-Burhan", "p", "Sudan army", "he", 2019, 2026, ["army chief Abdel Fattah al-Burhan", "Burhan", "General Abdel Fattah al-Burhan"]),
    ("Rapid Support Forces", "g", "Rapid Support Forces", "it", 2023, 2026, ["the Rapid Support Forces", "the RSF", "the paramilitary RSF"]),
    ("Abiy Ahmed", "p", "Ethiopia", "he", 2018, 2026, ["Prime Minister Abiy Ahmed", "Abiy"]),
    ("Kim Jong Un", "p", "North Korea", "he", 2015, 2026, ["North Korean leader Kim Jong Un", "Kim"]),
    ("North Korea", "g", "North Korea", "it", 2015, 2026, ["Pyongyang", "North Korea"]),
    ("South Korea", "g", "South Korea", "it", 2015, 2026, ["Seoul", "South Korea's unification ministry"]),
    ("Japan", "g", "Japan", "it", 2015, 2026, ["Tokyo", "Japan's government"]),
    ("India", "g", "India", "it", 2015, 2026, ["New Delhi", "India's external affairs ministry"]),
    ("Pakistan", "g", "Pakistan", "it", 2015, 2026, ["Islamabad", "Pakistan's foreign office"]),
    ("Taliban", "g", "Taliban", "it", 2021, 2026, ["the Taliban", "the Taliban administration"]),
    ("Gustavo Petro", "p", "Colombia", "he", 2022, 2026, ["President Gustavo Petro", "Petro"]),
    ("Colombia", "g", "Colombia", "it", 2015, 2026, ["Bogota", "Colombia's government"]),
    ("Cuba", "g", "Cuba", "it", 2015, 2026, ["Havana", "Cuba's foreign ministry"]),
    ("Nicaragua", "g", "Nicaragua", "it", 2015, 2026, ["Managua", "Nicaragua's government"]),
    ("Luiz Inacio Lula da Silva", "p", "Brazil", "he", 2023, 2026, ["President Luiz Inacio Lula da Silva", "Lula", "Brazilian President Luiz Inacio Lula da Silva"]),
    ("Mexico", "g", "Mexico", "it", 2015, 2026, ["Mexico City", "Mexico's foreign ministry"]),
    ("Norway", "g", "Norway", "it", 2015, 2026, ["Norway", "Oslo", "Norwegian diplomats"]),
    ("Organization of American States", "g", "Organization of American States", "it", 2015, 2026, ["the Organization of American States", "the OAS"]),
    ("United Kingdom", "g", "United Kingdom", "it", 2015, 2026, ["Britain", "London", "the British government"]),
    ("France", "g", "France", "it", 2015, 2026, ["Paris", "France", "the French foreign ministry"]),
    ("Emmanuel Macron", "p", "France", "he", 2017, 2026, ["President Emmanuel Macron", "Macron", "French President Emmanuel Macron"]),
    ("Germany", "g", "Germany", "it", 2015, 2026, ["Berlin", "Germany", "the German government"]),
    ("Serbia", "g", "Serbia", "it", 2015, 2026, ["Belgrade", "Serbia"]),
    ("Kosovo", "g", "Kosovo", "it", 2015, 2026, ["Pristina", "Kosovo"]),
    ("Armenia", "g", "Armenia", "it", 2015, 2026, ["Yerevan", "Armenia"]),
    ("Azerbaijan", "g", "Azerbaijan", "it", 2015, 2026, ["Baku", "Azerbaijan"]),
    ("Houthis", "g", "Houthis", "they", 2015, 2026, ["the Houthis", "Yemen's Houthi movement"]),
    ("Hezbollah", "g", "Hezbollah", "it", 2015, 2026, ["Hezbollah", "the Lebanese group Hezbollah"]),
    ("Philippines", "g", "Philippines", "it", 2015, 2026, ["Manila", "the Philippines"]),
    ("Myanmar junta", "g", "Myanmar junta", "it", 2021, 2026, ["Myanmar's junta", "the military government in Naypyitaw"]),
    ("ASEAN", "g", "ASEAN", "it", 2015, 2026, ["ASEAN", "Southeast Asian foreign ministers"]),
]

# Counterparts acted on, as wire copy names them.
TARGETS = ["Venezuela", "Caracas", "Moscow", "Kyiv", "Beijing", "Taipei", "Tehran", "Israel", "Hamas", "the Palestinians",
    "Washington", "the opposition", "the government", "the rebels", "the junta", "Pyongyang", "Seoul", "Havana", "Managua",
    "Khartoum", "the RSF", "the Taliban", "Belgrade", "Pristina", "Baku", "Yerevan", "the Houthis", "Hezbollah", "Manila",
    "Addis Ababa", "the militia", "the separatists", "Minsk", "Damascus", "Baghdad", "Tripoli", "Bogota", "the ELN guerrillas",
    "Islamabad", "New Delhi", "Ankara", "Athens", "Nicosia", "Riyadh", "Abu Dhabi", "Cairo", "Juba", "Kinshasa", "Kigali", "the M23 rebels"]
ISSUES = ["the nuclear programme", "the border dispute", "the election", "the blockade", "the ceasefire", "the prisoner exchange",
    "human rights", "the grain corridor", "the gas pipeline", "the disputed islands", "the peace plan", "the hostages",
    "the refugee crisis", "the missile tests", "the oil embargo", "press freedom", "the detained journalists", "the dam"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PLACES = ["Geneva", "Doha", "Oslo", "Vienna", "Istanbul", "Cairo", "Muscat", "Brussels", "New York", "Havana", "Mexico City",
    "Jeddah", "Addis Ababa", "Riyadh", "Beijing", "Paris", "Berlin", "Warsaw", "Nairobi", "Bogota", "Singapore", "Abu Dhabi"]

# What actors do, per stance: (past tense, bare infinitive). {T} is the counterpart, {I} an issue, {P} a place.
PRESSURE = [
    ("imposed new sanctions on {T}", "impose new sanctions on {T}"),
    ("slapped fresh sanctions on officials in {T}", "slap fresh sanctions on officials in {T}"),
    ("froze the assets of senior figures in {T}", "freeze the assets of senior figures in {T}"),
    ("expanded its blacklist of companies tied to {T}", "expand the blacklist of companies tied to {T}"),
    ("threatened {T} with further punitive measures", "threaten {T} with further punitive measures"),
    ("warned {T} of serious consequences over {I}", "warn {T} of serious consequences over {I}"),
    ("issued an ultimatum to {T} over {I}", "issue an ultimatum to {T} over {I}"),
    ("demanded that {T} release the detained activists", "demand that {T} release the detained activists"),
    ("demanded the immediate withdrawal of troops from the border", "demand the immediate withdrawal of troops from the border"),
    ("called on {T} to step down", "call on {T} to step down"),
    ("urged {T} to hold free and fair elections without delay", "press {T} to hold free and fair elections without delay"),
    ("accused {T} of violating the truce", "accuse {T} of violating the truce"),
    ("accused {T} of war crimes", "accuse {T} of war crimes"),
    ("accused {T} of meddling in its internal affairs", "accuse {T} of meddling in its internal affairs"),
    ("condemned the attack as an act of aggression by {T}", "condemn the attack as an act of aggression by {T}"),
    ("condemned {T} for the crackdown on protesters", "condemn {T} for the crackdown on protesters"),
    ("denounced the vote as a sham", "denounce the vote as a sham"),
    ("rejected the proposal from {T} outright", "reject the proposal from {T} outright"),
    ("rejected calls for a ceasefire with {T}", "reject calls for a ceasefire with {T}"),
    ("refused to negotiate with {T}", "refuse to negotiate with {T}"),
    ("ruled out any talks with {T}", "rule out any talks with {T}"),
    ("walked out of the meeting in protest", "walk out of the meeting in protest"),
    ("expelled diplomats from {T}", "expel diplomats from {T}"),
    ("recalled its ambassador from {T}", "recall its ambassador from {T}"),
    ("closed its embassy in {T}", "close its embassy in {T}"),
    ("banned imports from {T}", "ban imports from {T}"),
    ("raised tariffs on goods from {T}", "raise tariffs on goods from {T}"),
    ("cut off fuel supplies to {T}", "cut off fuel supplies to {T}"),
    ("imposed a travel ban on leaders in {T}", "impose a travel ban on leaders in {T}"),
    ("vowed to retaliate against {T}", "retaliate against {T}"),
    ("staged military drills near the border with {T}", "stage military drills near the border with {T}"),
    ("deployed warships near {T}", "deploy warships near {T}"),
    ("massed troops near the frontier with {T}", "mass troops near the frontier with {T}"),
    ("criticised {T} sharply over {I}", "criticise {T} over {I}"),
    ("blamed {T} for the collapse of the truce", "blame {T} for the collapse of the truce"),
    ("kept up the pressure on {T} over {I}", "keep up the pressure on {T} over {I}"),
    ("stepped up pressure on {T} to change course", "step up pressure on {T} to change course"),
    ("filed a complaint against {T} at the International Court of Justice", "take {T} to the International Court of Justice"),
    ("indicted officials from {T} on corruption charges", "indict officials from {T} on corruption charges"),
    ("blocked a resolution backed by {T}", "block any resolution backed by {T}"),
    ("suspended cooperation with {T}", "suspend cooperation with {T}"),
    ("halted arms deliveries to {T}", "halt arms deliveries to {T}"),
    ("arrested opposition figures accused of plotting with {T}", "arrest opposition figures accused of plotting with {T}"),
    ("refused to recognise the results announced by {T}", "refuse to recognise the results announced by {T}"),
    ("dismissed the offer from {T} as a stunt", "dismiss the offer from {T} as a stunt"),
    ("protested to {T} over {I}", "lodge a formal protest with {T} over {I}"),
    ("summoned the envoy of {T} to protest", "summon the envoy of {T} to protest"),
    ("tightened the blockade of {T}", "tighten the blockade of {T}"),
    ("seized tankers bound for {T}", "seize tankers bound for {T}"),
    ("shelled positions held by {T}", "shell positions held by {T}"),
    ("launched air strikes on positions held by {T}", "launch air strikes on {T}"),
    ("fired rockets at towns controlled by {T}", "fire rockets at {T}"),
    ("killed dozens of fighters from {T} in clashes near the border", "crush the fighters of {T}"),
    ("attacked a convoy belonging to {T}", "attack the supply lines of {T}"),
    ("detained dozens of supporters of {T}", "detain supporters of {T}"),
    ("bombed a depot used by {T}", "bomb the depots used by {T}"),
    ("sent troops into territory held by {T}", "send troops into territory held by {T}"),
]
NEGOTIATION = [
    ("held talks with {T} in {P}", "hold talks with {T} in {P}"),
    ("opened a new round of negotiations with {T}", "open a new round of negotiations with {T}"),
    ("resumed talks with {T} on {I}", "resume talks with {T} on {I}"),
    ("offered to meet leaders from {T}", "meet leaders from {T}"),
    ("proposed direct talks with {T}", "propose direct talks with {T}"),
    ("sent an envoy to {T} to discuss {I}", "send an envoy to {T} to discuss {I}"),
    ("agreed to meet negotiators from {T} in {P}", "meet negotiators from {T} in {P}"),
    ("offered to mediate between {T} and its neighbours", "mediate between {T} and its neighbours"),
    ("hosted delegations from {T} for talks on {I}", "host delegations from {T} for talks on {I}"),
    ("brokered indirect talks with {T}", "broker indirect talks with {T}"),
    ("discussed {I} with leaders from {T} by telephone", "discuss {I} with leaders from {T} by telephone"),
    ("spoke by phone with the leader of {T}", "speak by phone with the leader of {T}"),
    ("visited {T} for talks on {I}", "visit {T} for talks on {I}"),
    ("signed a ceasefire agreement with {T}", "sign a ceasefire agreement with {T}"),
    ("signed a framework deal with {T} on {I}", "sign a framework deal with {T} on {I}"),
    ("agreed a truce with {T} in {P}", "agree a truce with {T}"),
    ("put forward a peace proposal to end the conflict with {T}", "put forward a peace proposal to end the conflict with {T}"),
    ("called for a negotiated settlement with {T}", "seek a negotiated settlement with {T}"),
    ("urged both sides to return to the negotiating table", "urge both sides to return to the negotiating table"),
    ("said it was open to dialogue with {T}", "open a dialogue with {T}"),
    ("did not rule out talks with {T}", "consider talks with {T}"),
    ("accepted an offer of mediation on {I}", "accept mediation on {I}"),
    ("eased some sanctions on {T}", "ease some sanctions on {T}"),
    ("lifted a ban on flights to {T}", "lift the ban on flights to {T}"),
    ("released prisoners held from {T}", "release prisoners held from {T}"),
    ("freed detained soldiers from {T} in a swap", "free detained soldiers from {T} in a swap"),
    ("agreed to a prisoner exchange with {T}", "agree to a prisoner exchange with {T}"),
    ("pulled back troops from the disputed area", "pull back troops from the disputed area"),
    ("allowed U.N. monitors into the region", "allow U.N. monitors into the region"),
    ("agreed to a humanitarian pause in the fighting", "agree to a humanitarian pause in the fighting"),
    ("held exploratory talks on {I}", "hold exploratory talks on {I}"),
    ("met the foreign minister of {T} on the sidelines of the summit", "meet the foreign minister of {T} on the sidelines of the summit"),
    ("reopened the back channel to {T}", "reopen the back channel to {T}"),
    ("presented a draft agreement on {I} to {T}", "present a draft agreement on {I} to {T}"),
    ("struck a deal with {T} on {I}", "strike a deal with {T} on {I}"),
    ("exchanged proposals with {T} on {I}", "exchange proposals with {T} on {I}"),
    ("invited {T} to peace talks in {P}", "invite {T} to peace talks in {P}"),
    ("agreed to extend the truce with {T}", "extend the truce with {T}"),
    ("agreed to restore diplomatic ties with {T}", "restore diplomatic ties with {T}"),
    ("consulted {T} on a possible compromise over {I}", "seek a compromise with {T} over {I}"),
]
SUPPORT = [
    ("praised {T} for its commitment to {I}", "praise {T} for its commitment to {I}"),
    ("pledged humanitarian aid to {T}", "send humanitarian aid to {T}"),
    ("announced a new military aid package for {T}", "provide military aid to {T}"),
    ("approved a $2 billion loan for {T}", "approve a loan for {T}"),
    ("donated vaccines to {T}", "donate vaccines to {T}"),
    ("sent food and medicine to {T}", "send food and medicine to {T}"),
    ("expressed strong support for {T}", "support {T}"),
    ("reaffirmed its unwavering support for {T}", "stand by {T}"),
    ("backed the bid by {T} to join the bloc", "back the bid by {T} to join the bloc"),
    ("endorsed the plan put forward by {T}", "endorse the plan put forward by {T}"),
    ("recognised {T} as the legitimate government", "recognise {T} as the legitimate government"),
    ("congratulated {T} on the peaceful election", "congratulate {T} on the peaceful election"),
    ("welcomed the reforms announced by {T}", "welcome the reforms announced by {T}"),
    ("thanked {T} for its help with {I}", "thank {T} for its help with {I}"),
    ("hailed the partnership with {T} as a model", "hail the partnership with {T}"),
    ("defended {T} against criticism over {I}", "defend {T} against criticism over {I}"),
    ("agreed to deepen defence cooperation with {T}", "deepen defence cooperation with {T}"),
    ("agreed to share intelligence with {T}", "share intelligence with {T}"),
    ("boosted trade and investment ties with {T}", "boost trade and investment with {T}"),
    ("offered to train and equip the forces of {T}", "train and equip the forces of {T}"),
    ("delivered air defence systems to {T}", "deliver air defence systems to {T}"),
    ("granted asylum to dissidents from {T}", "grant asylum to dissidents from {T}"),
    ("expressed solidarity with the people of {T}", "stand in solidarity with the people of {T}"),
    ("rallied allies behind {T}", "rally allies behind {T}"),
    ("committed to continued support for {T}", "keep supporting {T}"),
    ("promised to help rebuild {T}", "help rebuild {T}"),
    ("extended a credit line to {T}", "extend a credit line to {T}"),
    ("supplied emergency fuel to {T}", "supply emergency fuel to {T}"),
    ("pledged to stand with {T} for as long as it takes", "stand with {T} for as long as it takes"),
    ("commended {T} for its restraint", "commend {T} for its restraint"),
    ("applauded the courage of {T}", "applaud the courage of {T}"),
    ("cooperated with {T} on border security", "cooperate with {T} on border security"),
    ("agreed with {T} to jointly develop the port", "jointly develop the port with {T}"),
    ("gave diplomatic backing to {T} at the United Nations", "give diplomatic backing to {T} at the United Nations"),
    ("voiced confidence in {T}", "work closely with {T}"),
]
# Neutral sentences are whole: no stance, stance words used neutrally, statements, appeals for aid, background and figures.
NEUTRAL = [
    "{S} said the meeting would start at 10 a.m. local time.",
    "{S} said {N} people had crossed the border since January.",
    "{S} declined to comment on the report.",
    "{S} did not respond to a request for comment.",
    "{S} said it was still studying the text.",
    "{S} said the vote was scheduled for {M}.",
    "{S} said the figures would be published next week.",
    "{S} appealed for donations to feed the displaced.",
    "{S} appealed for international help to clear the rubble.",
    "{S} called for more funding for the refugee camps.",
    "{S} said an investigation into the crash was under way.",
    "{S} said it would investigate the cause of the fire.",
    "{S} commented on the weather delays at the port.",
    "{S} said {N} tonnes of grain had been shipped in {M}.",
    "{S} published its annual budget on {D}.",
    "{S} named a new ambassador, a career diplomat.",
    "{S} said the sanctions list now runs to {N} names.",
    "{S} said the talks venue had not yet been chosen.",
    "{S} said the delegation would arrive on {D}.",
    "{S} said it had received the letter and would reply in due course.",
    "{S} said inflation rose to {R} percent in {M}.",
    "{S} said it was aware of the reports and was checking them.",
    "{S} said the aid agency employs {N} staff in the region.",
    "{S} released the agenda for the summit on {D}.",
    "{S} said it had no information about the missing ship.",
    "{S} acknowledged that the convoy had been delayed.",
    "{S} said the census would be carried out in {M}.",
    "The statement by {S} gave no further details.",
    "A spokesperson for {S} said the minister was travelling.",
    "{S} said the election commission would announce results within {N} days.",
    "{S} noted that the treaty expires in {M}.",
    "Officials from {S} said the river level had fallen by {N} centimetres.",
    "{S} said it would comment after reviewing the court ruling.",
    "{S} held a routine cabinet meeting on {D}.",
    "{S} said the new rules take effect on {M} 1.",
    "{S} said the situation remained uncertain.",
    "{S} expressed concern over {I}.",
    "{S} said it was too early to judge the outcome.",
    "{S} said it was optimistic about the economy this year.",
    "{S} urged residents to stay indoors during the storm.",
    "{S} appealed to donors for {N} million dollars.",
    "{S} asked neighbouring countries for help with fighting the wildfires.",
    "{S} called for calm after the flooding.",
    "{S} expressed condolences to the families of the victims.",
    "{S} denied any involvement in {I}.",
    "{S} said it was considering several options on {I}.",
    "{S} described the meeting as long.",
    "{S} made a statement to parliament on {I}.",
    "{S} said the policy on {I} had not changed.",
    "{S} said more details would be given later.",
    "{S} asked for technical assistance with the census.",
]
# Background sentences with no actor.
BACKGROUND = [
    "The war has displaced more than {N} people, according to aid agencies.",
    "The country's economy contracted by {R} percent last year.",
    "The talks are due to resume in {P} in {M}.",
    "The embassy reopened after {N} years.",
    "Oil exports fell to {N} barrels a day in {M}.",
    "The summit is scheduled to take place in {P} on {D}.",
    "The border crossing handles about {N} trucks a day.",
    "Polls open at 7 a.m. and close at 6 p.m.",
    "The sanctions were first imposed in 2019.",
    "The currency has lost {R} percent of its value since January.",
    "Negotiators met {N} times last year without a breakthrough.",
    "The ministry employs {N} diplomats abroad.",
    "The region has been contested since the end of the war in the 1990s.",
    "The U.N. mission has about {N} peacekeepers on the ground.",
    "Turnout in the last election was {R} percent.",
]

# How wire copy reports an act: {S} actor, {past}/{inf} the act, {pr} pronoun, {D} weekday.
FRAMES = [
    "{S} {past} on {D}.",
    "{S} {past}, officials said.",
    "{S} {past} on {D}, according to a statement.",
    "{S} said on {D} that {pr} would {inf}.",
    "{S} said {pr} was ready to {inf}.",
    "{S} told reporters in {P} that {pr} would {inf}.",
    "{S} announced on {D} that {pr} would {inf}.",
    "\"We will {inf},\" {S} said.",
    "\"We are prepared to {inf},\" {S} told a news conference in {P}.",
    "{S} {past} after months of tension over {I}.",
    "In a statement on {D}, {S} {past}.",
    "{S} {past} in a move that surprised diplomats.",
    "{S} {past}, state media reported.",
    "{S} on {D} {past}, the foreign ministry said.",
    "{S} {past}, a spokesman said on {D}.",
    "{S} {past} and said more steps could follow.",
    "{S} said it plans to {inf} before the end of the year.",
    "{S} is expected to {inf}, diplomats said.",
    "Speaking in {P}, {S} {past}.",
    "{S} {past}, two sources familiar with the matter said.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def fill(rng, s, actor):
    name, kind, group, pron, y0, y1, forms = actor
    tgt = rng.choice([t for t in TARGETS if t not in forms and t != group])
    out = s
    for k, v in (("{T}", tgt), ("{I}", rng.choice(ISSUES)), ("{P}", rng.choice(PLACES)), ("{D}", rng.choice(DAYS)),
                 ("{N}", str(rng.choice([3, 12, 40, 250, 1200, 15000, 85000, 600000]))), ("{R}", str(rng.choice([2.5, 7.8, 11, 34, 61]))), ("{M}", rng.choice(MONTHS))):
        out = out.replace(k, v)
    return out


def date(rng, actor):
    y = rng.randint(actor[4], actor[5])
    return "%04d-%02d-%02d" % (y, rng.randint(1, 12), rng.randint(1, 28))


def cap(s):
    return s[0].upper() + s[1:]


def main():
    rng = random.Random(2021)
    rows = set()
    per_label = 450
    for label, acts in (("pressure", PRESSURE), ("negotiation", NEGOTIATION), ("support", SUPPORT)):
        n = 0
        while n < per_label:
            actor = rng.choice(ACTORS)
            past, inf = rng.choice(acts)
            frame = rng.choice(FRAMES)
            form = rng.choice(actor[6])
            pr = {"p": actor[3], "g": "it"}[actor[1]]
            if actor[3] == "they":
                pr = "they"
            if pr == "it" and "We " in frame and form.startswith("the "):
                pass
            past = past.replace("its ", "their " if pr == "they" else ("his " if pr == "he" else ("her " if pr == "she" else "its ")))
            text = frame.replace("{past}", past).replace("{inf}", inf).replace("{pr}", pr)
            text = cap(fill(rng, text.replace("{S}", form), actor))
            text = text.replace("{S}", form)
            if (label, text) in {(r[0], r[3]) for r in rows}:
                continue
            rows.add((label, actor[0], date(rng, actor), text))
            n += 1
    n = 0
    while n < per_label:
        if rng.random() < 0.3:
            text = cap(fill(rng, rng.choice(BACKGROUND), ACTORS[0]))
            row = ("neutral", "", "", text)
        else:
            actor = rng.choice(ACTORS)
            text = cap(fill(rng, rng.choice(NEUTRAL).replace("{S}", rng.choice(actor[6])), actor))
            row = ("neutral", actor[0], date(rng, actor), text)
        if row in rows:
            continue
        rows.add(row)
        n += 1
    with open("data/stance/wire.tsv", "w", encoding="utf-8") as f:
        f.write("label\tactor\tdate\ttext\n")
        for r in sorted(rows, key=lambda r: (r[0], r[3])):
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
