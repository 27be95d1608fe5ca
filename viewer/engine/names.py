"""Words that tell a person's name from the words around it: titles, given names, roles, speech verbs.

Plain tables, read by ``speakers.py``. Each is a frozenset or dict of lowercase words (titles without their
full stop). The given-name lists are deliberately short and unambiguous: a name that is also a place or a
common word (Jordan, Georgia, Austin, Will, Mark) is left out, because a wrong gender is worse than none: an
unknown gender agrees with both "he" and "she".

Exports: ``TITLES``, ``TITLE_ROLES``, ``ROLE_GENDER``, ``MALE_NAMES``, ``FEMALE_NAMES``, ``SPEECH_VERBS``,
``REPORTING_VERBS``, ``GROUP_NOUNS``, ``TITLE_FILLERS``, ``INSTITUTION_WORDS``, ``ROLE_NOUNS``,
``LEADING_WORDS``, ``NAME_PARTICLES``, ``SUFFIXES``, ``ABBREVIATIONS``.
"""

from __future__ import annotations

# Honorifics and titles written before a name ("Rep. Jim Clyburn", "Secretary of State Antony Blinken"),
# with the gender they show (M, F or None). Words such as "of", "state", "house" only count inside a run
# of titles, never alone: a name always keeps at least its last word.
TITLES: dict[str, str | None] = {
    **dict.fromkeys("mr sir lord king prince father brother congressman councilman chairman".split(), "M"),
    **dict.fromkeys("mrs ms miss dame lady queen princess sister congresswoman councilwoman chairwoman "
                    "madam".split(), "F"),
    **dict.fromkeys(
        "dr rep reps sen sens del gov gen lt col maj capt cmdr adm sgt cpl pvt det insp supt prof rev fr msgr "
        "president vice secretary senator representative governor general lieutenant colonel major captain "
        "admiral sergeant commander chief justice judge speaker leader mayor attorney prosecutor minister "
        "chancellor ambassador commissioner sheriff officer detective coach professor pastor bishop "
        "cardinal rabbi imam pope chair director superintendent inspector councillor councilmember "
        "trooper".split(), None),
}
# Words that only stand inside a run of titles ("Secretary of State", "House Speaker", "former Gov."):
# they make no person on their own.
TITLE_FILLERS = frozenset(
    "deputy acting former interim state house senate majority minority whip of the us u.s. u.k. uk "
    "democratic republican gop independent labour conservative white defense defence treasury homeland "
    "security health education energy interior commerce labor agriculture transportation foreign home "
    "finance supreme district county city court federal national press prime first lady assistant "
    "principal special senior top chief executive".split()
)
# Words that make a capitalised run an institution, not a person ("Justice Department", "White House").
INSTITUTION_WORDS = frozenset(
    "department house court party committee administration office agency council university college "
    "school city county state states times post news journal democrats republicans senate congress "
    "bureau service board commission foundation institute center centre company group campaign network "
    "police army navy force forces union bank street avenue road hall building church hospital airport "
    "station daily weekly magazine review tribune herald gazette press inc corp co ltd llc fund trust "
    "association coalition alliance council ministry parliament assembly league club team museum "
    "library capitol pentagon kremlin twitter facebook instagram tiktok youtube x".split()
)
# What a title makes its bearer ("the senator said" after "Sen. Sherrod Brown").
TITLE_ROLES: dict[str, tuple[str, ...]] = {
    "sen": ("senator", "lawmaker"), "senator": ("senator", "lawmaker"),
    "rep": ("representative", "congressman", "congresswoman", "lawmaker"),
    "representative": ("representative", "congressman", "congresswoman", "lawmaker"),
    "congressman": ("congressman", "lawmaker"), "congresswoman": ("congresswoman", "lawmaker"),
    "gov": ("governor",), "governor": ("governor",), "president": ("president",), "mayor": ("mayor",),
    "secretary": ("secretary",), "gen": ("general",), "general": ("general",), "dr": ("doctor",),
    "judge": ("judge",), "justice": ("justice",), "speaker": ("speaker",), "minister": ("minister",),
    "chancellor": ("chancellor",), "ambassador": ("ambassador",), "sheriff": ("sheriff",),
    "coach": ("coach",), "prof": ("professor",), "professor": ("professor",), "chairman": ("chairman",),
    "chairwoman": ("chairwoman",), "attorney": ("attorney",), "commissioner": ("commissioner",),
    "director": ("director",), "leader": ("leader",), "detective": ("detective",), "officer": ("officer",),
}
# Role nouns that show a gender ("Sadie Weiner, the DSCC spokeswoman").
ROLE_GENDER: dict[str, str] = {
    **dict.fromkeys("spokesman congressman chairman councilman businessman anchorman father husband son "
                    "brother uncle grandfather boyfriend actor king prince nephew widower".split(), "M"),
    **dict.fromkeys("spokeswoman congresswoman chairwoman councilwoman businesswoman mother wife daughter "
                    "sister aunt grandmother girlfriend actress queen princess niece widow".split(), "F"),
}
# Lowercase nouns that, written just before a name, say it is a person ("spokeswoman Sadie Weiner").
ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson secretary senator adviser advisor aide director lawyer attorney "
    "prosecutor chairman chairwoman chair executive officer official analyst economist professor "
    "researcher scientist strategist pollster organizer activist founder ceo president governor mayor "
    "congressman congresswoman lawmaker representative candidate judge manager coach commissioner "
    "sheriff minister ambassador editor reporter columnist correspondent writer author actor actress "
    "singer rapper musician model producer comedian host anchor player captain teammate partner husband "
    "wife son daughter mother father brother sister friend neighbor neighbour resident owner chief head "
    "leader deputy nominee challenger incumbent opponent rival historian expert veteran nurse doctor "
    "physician teacher student worker employee investigator detective agent general colonel "
    "superintendent principal pastor priest bishop rabbi imam founder cofounder co-founder "
    "vice-president treasurer clerk councilwoman councilman councilmember trooper colleague classmate "
    "coworker co-worker granddaughter grandson grandfather grandmother uncle aunt nephew niece cousin "
    "boyfriend girlfriend fiance fiancee widow widower spouse critic lobbyist boss".split()
)
# Plural or collective subjects: a group said it, no person can be named.
GROUP_NOUNS = frozenset(
    "critics officials experts analysts democrats republicans residents supporters opponents advocates "
    "lawmakers aides investigators prosecutors researchers scientists voters witnesses police authorities "
    "sources organizers protesters activists observers economists historians doctors parents teachers "
    "students fans others some many both members leaders people staff staffers donors allies skeptics "
    "sceptics conservatives liberals progressives republicans officers agents employees workers "
    "executives neighbors neighbours friends relatives families victims survivors".split()
)

# Common given names that show a gender, for pronoun agreement ("Hillary Clinton ... she said").
MALE_NAMES = frozenset(
    "james john robert michael william david richard joseph thomas charles christopher daniel matthew "
    "anthony donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason "
    "jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel "
    "gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas "
    "zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean "
    "arthur lawrence dylan jesse bryan joe bruce gabriel logan alan juan wayne roy ralph randy eugene "
    "vincent russell elijah louis bobby philip johnny mike bill barack joseph chuck mitch ted bernie "
    "jim tom tim ron rick rudy kevin mitt marco rand lindsey newt hakeem adam beto pete cory "
    "bob dick al jeb hunter boris rishi keir emmanuel vladimir volodymyr xi benjamin recep narendra "
    "olaf justin antony lloyd merrick jerome steve dan greg jeff doug jon josh matt nick "
    "chris andy tony ben sam ken ray fred ted ed liam oliver lucas mason elon hugh ian "
    "colin graham nigel rupert gavin angus hamish declan seamus liam mohammed muhammad ahmed ali omar "
    "hassan ibrahim carlos luis jorge miguel pedro javier alejandro diego sergei dmitri alexei ivan "
    "andrei yuri hans klaus jurgen pierre jacques francois giuseppe kurt raphael "
    "jared kash byron jd vivek".split()
)
FEMALE_NAMES = frozenset(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret "
    "sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca "
    "sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha "
    "katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia "
    "joyce kelly christina lauren joan evelyn judith megan andrea cheryl hannah "
    "jacqueline martha gloria teresa ann sara frances kathryn janice jean abigail alice "
    "judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie "
    "brittany marie kayla alexis lori hillary kamala nikki ilhan alexandria rashida "
    "ayanna kirsten tammy dianne maxine liz lisa susan marsha marjorie lauren tulsi stacey gretchen "
    "kathy kristi sheila heidi sadie chrissy nina jill michelle melania ivanka karine jen kellyanne "
    "condoleezza theresa angela ursula giorgia jacinda liz priti kemi nicola "
    "ruth sonia elena amy kristen kate katie kathy beth meg peggy maggie molly sally jane anne annie "
    "claire clare fiona sophie chloe ella lucy rosa carmen lucia ana sofia valentina fatima aisha "
    "leila yasmin olga svetlana natalia tatiana ingrid greta heidi monique brigitte marine celine "
    "mallory whitney kristin erin tina dana rita wendy vanessa tiffany crystal".split()
)

# Speech verbs that make a speech tag ("she said", "says Teigen", "Trump tweeted"), in every tense a
# news tag uses. "told" also takes an object ("told CNN"); see speakers.py.
SPEECH_VERBS = frozenset(
    "said says say saying told tells tell telling added adds adding continued continues continuing "
    "stated states explained explains noted notes wrote writes shared shares recalled recalls recalling "
    "admitted admits revealed reveals insisted insists asked asks replied replies answered answers "
    "remarked remarks declared declares claimed claims argued argues joked jokes tweeted tweets posted "
    "posts quipped quips gushed gushes confessed confesses laughed laughs agreed agrees acknowledged "
    "acknowledges responded responds warned warns interjected interjects observed observes countered "
    "counters conceded concedes cautioned cautions emphasized emphasised stressed stresses suggested "
    "suggests predicted predicts promised promises vowed vows urged urges testified testifies boasted "
    "bragged complained complains lamented laments mused muses shouted yelled whispered screamed cried "
    "sighed snapped retorted protested objected announced announces maintained maintains contended "
    "contends asserted asserts affirmed reiterated reiterates texted emailed messaged wondered wonders "
    "marveled marvelled pleaded pleads demanded demands exclaimed concluded concludes offered "
    "summarized recounted recounts reflected reflects teased teases".split()
)
# Verbs that attribute a quoted phrase inside reported speech ('Warren called the plan "a giveaway"').
REPORTING_VERBS = SPEECH_VERBS | frozenset(
    "call calls called calling describe describes described dub dubs dubbed label labels labeled labelled "
    "brand brands branded term terms termed denounce denounced praise praised dismiss dismissed mock "
    "mocked pledge pledged decry decried blast blasted slam slammed criticize criticized criticise "
    "criticised hail hailed accuse accused deride derided characterize characterized characterise "
    "characterised rip rips ripped slams blasts".split()
)

# Capitalised words that start a sentence or clause and are never part of a name.
LEADING_WORDS = frozenset(
    "the a an and but or so yet for nor in on at to of by with without from into after before during "
    "while when whenever where if although though because since as until unless once then still also "
    "now later earlier meanwhile however instead indeed even just only asked speaking according this "
    "that these those it its he she they we i you his her their our my your there here what who which "
    "why how some many most all both each every no not other another such one two three last next "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "today yesterday tomorrow tonight like unlike despite among between over under about around against "
    "through across near outside inside within behind beyond toward towards upon sources officials "
    "democrats republicans critics".split()
)
NAME_PARTICLES = frozenset("de van von der den bin al el la le du del della da di dos das ibn st st.".split())
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr rep reps sen sens del gov gen lt col maj capt cmdr adm sgt cpl pvt det insp supt prof rev "
    "fr msgr st jr sr no vs inc co corp ltd jan feb mar apr jun jul aug sep sept oct nov dec mt ft "
    "ave blvd dept univ".split()
)
