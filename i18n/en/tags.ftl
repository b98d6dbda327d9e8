# Tag names and descriptions (English). One message per tag slug, plus a one-sentence
# description. Every tag used in content/ must be declared here and in every other language.

tag-feelings = Feelings
tag-feelings-description = These pages help you understand and cope with the disappointment, worry and other feelings that follow a rejection.

tag-feedback = Feedback
tag-feedback-description = These pages help you ask for feedback politely and turn what you hear into a clear next step.

tag-networking = Networking
tag-networking-description = These pages help you build and keep the professional relationships that lead to new openings.

tag-growth = Growth
tag-growth-description = These pages help you learn from each rejection and become better prepared for the next opportunity.

tag-self-care = Self-care
tag-self-care-description = These pages help you look after your body, mind and energy during a long job search.

tag-organisation = Organisation
tag-organisation-description = These pages help you plan your week, set realistic goals and keep track of your applications.

tag-personal-brand = Personal brand
tag-personal-brand-description = These pages help you shape how employers see you, from your resume to your LinkedIn profile.

tag-skills = Skills
tag-skills-description = These pages help you spot skill gaps, learn new skills and show the ones you already have.

tag-interviews = Interviews
tag-interviews-description = These pages help you prepare for interviews and handle what comes after them.

tag-alternatives = Alternatives
tag-alternatives-description = These pages help you explore related roles, other industries, freelance work and new career paths.

tag-family = Family
tag-family-description = These pages help you talk to parents, relatives and partners about a rejection, and help them support you.

tag-money = Money
tag-money-description = These pages help you plan your money while you search, from a savings runway to EMIs and education loans.

tag-exams = Exams
tag-exams-description = These pages help you cope with government and entrance exam results and plan what comes next.

tag-safety = Safety
tag-safety-description = These pages help you spot fake job offers and scams, and find help quickly when you need it.
