"""Short Danish texts for notes, summaries and agreements, as a caseworker writes them."""

from __future__ import annotations

SUMMARIES = (
    "Gennemgik status siden sidst. Borger fortæller om bedre søvn.",
    "Talte om helbred og hverdag. Smerter fylder stadig meget.",
    "Borger har været til psykolog tre gange og oplever det som en hjælp.",
    "Fulgte op på praktikken. Går godt, men træt efter fire timer.",
    "Drøftede økonomi og gæld; borger ønsker hjælp til budget.",
    "Mentor deltog. Borger er kommet i gang med at gå ture dagligt.",
    "Borger er stresset over boligsituationen; vi aftalte kontakt til SOF.",
    "Status på misbrugsbehandling: stabil, møder op til samtaler.",
    "Talte om mål for de næste tre måneder.",
    "Gennemgik lægeattesten sammen med borger.",
)
AGREEMENTS = (
    "Borger kontakter egen læge inden næste samtale.",
    "Jeg bestiller statusattest (LÆ 125).",
    "Mentor følger borger til første dag i praktik.",
    "Næste samtale hjemme hos borger.",
    "Borger sender dokumentation for lægebesøg.",
    "Vi holder trepartssamtale med leverandør om en måned.",
    "Borger prøver at øge til 10 timer om ugen.",
    "Jeg sender referat i e-Boks.",
)
PREPARATION = (
    "Læs seneste progressionsrapport.",
    "Husk tolk.",
    "Tjek svar fra egen læge.",
    "Medbring budgetskema.",
    "Forbered forberedende del: mål og ressourcer.",
)
CONTACT_OUT = (
    "Påmindelse om samtale.", "Ringede for at høre hvordan det går.", "Bad om dokumentation.",
    "Aftalte ny tid.", "Fulgte op på udeblivelse.", "Sendte referat.",
)
CONTACT_IN = (
    "Borger ringede: syg i dag.", "Borger spurgte til udbetaling.", "Borger bekræfter tid.",
    "Borger vil gerne flytte samtalen.", "Borger fortalte om ny bolig.", "Sms: kommer lidt senere.",
)
NOT_REACHED = ("Intet svar, lagt besked.", "Telefonen slukket.", "Ingen svar.")
NOTES = (
    "Samtale afholdt. Borger motiveret, aftaler noteret.",
    "Kort samtale; borger havde det dårligt, vi aftalte ny tid snart.",
    "Godt møde. Borger har selv taget kontakt til mentor.",
    "Borger udeblev; ringede uden svar, sendte sms.",
    "Taget op på sagssparring: overvej ressourceforløb.",
    "Notat: lægeattest modtaget og gennemgået.",
)
DOCTOR_QUESTIONS = (
    "Hvilke helbredsmæssige forhold begrænser borgers arbejdsevne, og hvad er prognosen?",
    "Kan borger deltage i virksomhedspraktik 10 timer om ugen? Svaret bruges til planlægning af tilbud.",
    "Beskriv behandlingsforløb og forventet effekt. Svaret bruges i forberedende del til rehabiliteringsteamet.",
    "Er der skånehensyn ved fysisk arbejde?",
)
ANSWER_USE = (
    "Brugt i planlægning af praktik.", "Indgår i forberedende del.", "Bekræfter skånehensyn.",
)
COURSE_TITLES = (
    "Afklaringsforløb", "Virksomhedspraktik med mentor", "Trivsel og struktur", "Job og helbred",
    "Motion og mestring", "Grøn praktik", "Arbejdsprøvning",
)
COURSE_PURPOSES = (
    "Afklare arbejdsevne og skånehensyn.", "Opbygge struktur i hverdagen og mødestabilitet.",
    "Afprøve timetal i praktik.", "Styrke sociale kompetencer.",
)
COURSE_PLANS = (
    "2 dage om ugen, 3 timer; progressionsrapport hver måned.",
    "Opstart med mentor; gradvis optrapning til 12 timer.",
    "Holdforløb med individuelle samtaler hver 14. dag.",
)
REPORT_SUMMARIES = (
    "Stabilt fremmøde, øget til 8 timer.", "Flere afbud pga. smerter.",
    "God progression i sociale kompetencer.", "Fremmøde svingende; behov for trepartssamtale.",
)
NEXT_STEPS = (
    "Virksomhedspraktik hos lokal arbejdsgiver.", "Forberedende del til rehabiliteringsteam.",
    "Fortsat mentorstøtte og 12 timer ordinære timer.", "Uddannelsesafklaring.",
)
TASKS = (
    "Rykke for lægeattest", "Sende referat i e-Boks", "Ring til mentor", "Bestille tolk",
    "Læse progressionsrapport", "Opdatere forberedende del", "Book trepartssamtale",
    "Svar borger om befordring", "Tjek partshøringssvar",
)
FLAGS = (
    "Angst: foretrækker hjemmebesøg", "Ingen breve, ring i stedet", "Ring ikke før kl. 10",
    "Tolk ved alle samtaler", "Kommer med bisidder", "Ordblind: læs breve op",
)
OUTCOME_NOTES = {
    "job": "Fastansat 25 timer om ugen.", "ordinary_hours": "Ordinære timer i lokalt supermarked.",
    "education": "Startet på VUC.", "fleksjob": "Bevilget fleksjob.",
    "foertidspension": "Tilkendt førtidspension.", "ressourceforloeb": "Overgået til ressourceforløb.",
    "moved": "Fraflyttet kommunen.", "other": "Sagen afsluttet.",
}
PLAN_NOTES = {
    "goals": "Borger ønsker arbejde med dyr.", "resources": "God til praktisk arbejde.",
    "challenges": "Angst og smerter i ryg.", "earlier_efforts": "To praktikker og et mentorforløb.",
    "benefit_history": "Kontanthjælp siden 2017.", "citizen_wishes": "Vil gerne have faste arbejdstider.",
    "lae265": "LÆ 265 bestilt.",
}
PLAN_DECISIONS = {
    "ressourceforloeb": "Indstillet til ressourceforløb i 2 år.",
    "fleksjob": "Indstillet til fleksjob.",
    "foertidspension": "Indstillet til førtidspension.",
    "other": "Fortsat indsats i jobcentret.",
}
NO_SHOW = "Udeblivelse fra samtale"
