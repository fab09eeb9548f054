// A second, independent view of the intent world, for evaluation only. Written from the data model
// (intent/types.ts) by its own author's vocabulary: it imports nothing from the ranker (taxonomy,
// pains, industries' aliases, parser) nor from the seed generator (intent/seed/*). Product names are
// facts and may coincide with the ranker's; some are deliberately ones the ranker has never heard of.
// Every phrase pool has a "dev" and a "test" half; a company writes from one half only.

export type Half = 'dev' | 'test';
export type Pool = Record<Half, string[]>;

export interface HeldoutCategory {
  id: string;
  /** How a person in the company names the thing they are buying. */
  thing: Pool;
  /** Products in use that a buyer may be leaving (facts). */
  products: string[];
  /** The department whose growth makes the purchase likely, as written in hiring data. */
  department: string;
  /** Problems described without naming the category. */
  pains: Pool;
}

const pool = (dev: string, test: string): Pool => ({
  dev: dev.split('|').map((s) => s.trim()),
  test: test.split('|').map((s) => s.trim()),
});

export const HELDOUT_CATEGORIES: HeldoutCategory[] = [
  {
    id: 'crm',
    thing: pool(
      'CRM platform|system of record for our sales team|customer relationship management tool',
      'sales CRM|place to run our sales opportunities|CRM suite',
    ),
    products: [
      'Salesforce',
      'HubSpot',
      'Pipedrive',
      'Zoho CRM',
      'Dynamics 365 Sales',
      'Nutshell',
      'Capsule CRM',
    ],
    department: 'Sales',
    pains: pool(
      'Our account executives keep their deals in personal spreadsheets and leadership cannot see what will close this quarter.|Every rep tracks prospects differently, and when someone leaves their customer history leaves with them.',
      'Forecast calls take half a day because nobody trusts the opportunity numbers.|Follow-ups with prospects get forgotten because the only record is in people’s email.',
    ),
  },
  {
    id: 'marketing_automation',
    thing: pool(
      'marketing automation platform|email nurture and lead scoring tool|campaign automation software',
      'marketing automation system|automated nurture program|B2B email automation stack',
    ),
    products: [
      'Marketo',
      'Pardot',
      'Eloqua',
      'HubSpot Marketing Hub',
      'Mailchimp',
      'ActiveCampaign',
      'Mautic',
    ],
    department: 'Marketing',
    pains: pool(
      'Every newsletter is assembled by hand and the team exports contact lists from three places before each send.|Inbound leads sit untouched for weeks because nobody knows which ones are ready for sales.',
      'We cannot tell which webinars or emails actually produce pipeline.|Our marketers copy and paste lists between tools and blast everyone with the same message.',
    ),
  },
  {
    id: 'erp',
    thing: pool(
      'ERP|enterprise resource planning suite|new ERP backbone for finance and supply chain',
      'ERP platform|integrated finance, inventory and order system|cloud ERP',
    ),
    products: [
      'SAP ECC',
      'Oracle E-Business Suite',
      'Microsoft Dynamics GP',
      'Sage 100',
      'Epicor',
      'NetSuite',
      'Syspro',
    ],
    department: 'Finance',
    pains: pool(
      'Closing the books takes three weeks because orders, inventory and the ledger live in separate systems that we reconcile by hand.|Our warehouse, purchasing and accounting teams each keep their own version of stock levels.',
      'After two acquisitions we run four different accounting packages and consolidate them in spreadsheets.|Our homegrown order system is out of support and cannot handle another product line.',
    ),
  },
  {
    id: 'helpdesk',
    thing: pool(
      'customer service software|help desk|support ticketing tool',
      'customer support platform|ticketing system for our service team|omnichannel support desk',
    ),
    products: ['Zendesk', 'Freshdesk', 'Help Scout', 'Zoho Desk', 'Kayako', 'Gorgias', 'Deskpro'],
    department: 'Customer Service',
    pains: pool(
      'Customers wait three days for an answer because every request lands in one shared mailbox.|Our agents cannot see what a customer asked last week, so they ask them to repeat everything.',
      'Requests from customers fall through the cracks and we only hear about it when they cancel.|We have no idea how many customer emails are still waiting for a reply.',
    ),
  },
  {
    id: 'iam',
    thing: pool(
      'identity and access management|single sign-on and MFA|workforce identity platform',
      'SSO solution|identity provider|access management and multi-factor authentication',
    ),
    products: [
      'Okta',
      'Microsoft Entra ID',
      'Ping Identity',
      'OneLogin',
      'JumpCloud',
      'Active Directory',
      'Duo',
    ],
    department: 'IT',
    pains: pool(
      'Staff juggle a dozen passwords and half our helpdesk calls are password resets.|People who left months ago still had working logins to our finance apps.',
      'Accounts are created and removed by hand for every new starter and leaver.|An auditor found shared admin passwords and no second factor on email.',
    ),
  },
  {
    id: 'clm',
    thing: pool(
      'contract lifecycle management|contract management system|repository for our agreements',
      'CLM platform|contract management software|central contract database',
    ),
    products: ['Ironclad', 'DocuSign CLM', 'Icertis', 'Agiloft', 'Conga', 'ContractSafe', 'Juro'],
    department: 'Legal',
    pains: pool(
      'Signed agreements are scattered across inboxes and shared drives and nobody can find the final version.|We missed two auto-renewals last year because renewal dates were only in the documents.',
      'Redlines go back and forth by email and we lose track of which draft is current.|When auditors asked for our supplier agreements it took weeks to collect them from different folders.',
    ),
  },
  {
    id: 'hris',
    thing: pool(
      'HRIS|HR information system|core HR platform',
      'human capital management system|people platform for HR records|HR software',
    ),
    products: ['BambooHR', 'Workday', 'ADP Workforce Now', 'UKG', 'Namely', 'HiBob', 'Zenefits'],
    department: 'Human Resources',
    pains: pool(
      'Employee files are paper folders in a locked cabinet and time off is tracked in a spreadsheet.|Onboarding a new hire means six emails, four forms and a lot of chasing.',
      'We have three different lists of employees and none of them agree.|Managers cannot see their team’s leave balances without asking HR.',
    ),
  },
  {
    id: 'itsm',
    thing: pool(
      'IT service management|IT helpdesk ticketing|ITSM tool',
      'service desk platform for IT|IT ticketing system|ITIL service management suite',
    ),
    products: [
      'ServiceNow',
      'Jira Service Management',
      'BMC Remedy',
      'Freshservice',
      'SysAid',
      'TOPdesk',
      'Spiceworks',
    ],
    department: 'IT',
    pains: pool(
      'Employees email the IT team directly and requests get lost when someone is on holiday.|We do not know how many laptops we own or who has them.',
      'Our IT staff answer the same access requests all day with no record of what was done.|Changes to production systems are approved in chat threads that nobody can find later.',
    ),
  },
  {
    id: 'endpoint_security',
    thing: pool(
      'endpoint protection|EDR|endpoint detection and response',
      'next-generation antivirus|endpoint security platform|managed EDR',
    ),
    products: ['Symantec', 'McAfee', 'Sophos', 'CrowdStrike', 'SentinelOne', 'Microsoft Defender', 'Webroot'],
    department: 'Security',
    pains: pool(
      'A ransomware infection on one laptop spread to the file server before anyone noticed.|Our old antivirus missed a credential stealer that sat on a workstation for weeks.',
      'We cannot tell which laptops are patched or protected once they leave the office.|Phishing attachments keep getting through and infecting machines.',
    ),
  },
  {
    id: 'bi_analytics',
    thing: pool(
      'business intelligence|BI and dashboarding tool|self-service analytics',
      'reporting and dashboard platform|BI platform|analytics and visualization software',
    ),
    products: ['Tableau', 'Power BI', 'Looker', 'Qlik', 'Domo', 'Crystal Reports', 'Metabase'],
    department: 'Data',
    pains: pool(
      'Our monthly board pack is built by hand from twelve spreadsheet exports.|Every department reports a different revenue number in the leadership meeting.',
      'Analysts spend Mondays copying numbers into slides instead of analysing anything.|Managers wait two weeks for a simple report from the data team.',
    ),
  },
  {
    id: 'expense_management',
    thing: pool(
      'expense management|spend management platform|corporate card and expense tool',
      'expense reporting software|travel and expense system|employee spend platform',
    ),
    products: ['Expensify', 'SAP Concur', 'Certify', 'Chrome River', 'Emburse', 'Zoho Expense', 'Rydoo'],
    department: 'Finance',
    pains: pool(
      'Receipts arrive in envelopes at month end and reimbursements take six weeks.|Finance retypes every expense claim into the ledger by hand.',
      'We only find out about out-of-policy spending long after the card statement arrives.|Employees chase us for weeks to get their travel costs paid back.',
    ),
  },
  {
    id: 'ats',
    thing: pool(
      'applicant tracking system|recruiting software|ATS',
      'hiring platform|candidate tracking software|recruitment management system',
    ),
    products: ['Greenhouse', 'Lever', 'Workable', 'iCIMS', 'JazzHR', 'Taleo', 'Recruitee'],
    department: 'Talent Acquisition',
    pains: pool(
      'CVs arrive in a shared inbox and hiring managers lose track of who they already interviewed.|Candidates wait weeks to hear back because interview feedback lives in email.',
      'We post jobs on five boards and copy applicants into a spreadsheet by hand.|Good candidates slip away because nobody knows where they are in our process.',
    ),
  },
];

export const HELDOUT_CATEGORY_BY_ID = new Map(HELDOUT_CATEGORIES.map((c) => [c.id, c]));

// Buyer text. {thing} the category as the company names it, {product} a product being left,
// {team} the department, {co} the company's name. Job posts have a title pool.
export const BUYER = {
  jobTitle: pool(
    '{thing} Program Lead|Systems Lead, {thing} Selection|Business Analyst – {thing} Rollout',
    '{thing} Implementation Manager|Project Lead ({thing})|Senior Analyst, {thing} Migration',
  ),
  job: pool(
    'We are choosing our first {thing} this year. This person will gather requirements from the {team} team, run vendor demos and own the rollout.|{co} is putting a budget behind a new {thing}; you will lead selection and go-live.',
    'Help us pick and launch a {thing} that the whole {team} organisation will live in. You will compare options and manage the project.|This role owns our move to a modern {thing}, from the shortlist to training the {team} team.',
  ),
  website: pool(
    'This year we are investing in a {thing} so our {team} team can scale with us.|We have started a project to bring in a {thing}; if you sell one, our procurement team is collecting proposals.',
    'Our {team} team is comparing {thing} options and expects to decide this quarter.|We are looking for a {thing} that can grow with our {team} team and are speaking to a few suppliers.',
  ),
  news: pool(
    '{co} sets aside budget for {thing} overhaul|{co} to modernise {team} operations with new {thing}',
    '{co} begins search for a {thing}|{co} launches programme to replace {team} tools with a {thing}',
  ),
};

// Buyer text about leaving a product.
export const LEAVING = {
  job: pool(
    'You will lead our migration off {product} onto a new {thing} and retire the old setup by year end.|We are moving away from {product}; this role plans the data migration and picks the replacement {thing}.',
    'Our contract with {product} ends next spring. You will run the search for what replaces it and move the {team} team over.|Own the project to sunset {product} and launch its successor {thing}.',
  ),
  website: pool(
    'We have outgrown {product} and are evaluating alternatives for our {team} team.|After five years on {product} we are reviewing replacements before our renewal.',
    '{product} no longer fits how our {team} team works, so we are replacing it this year.|We are in the middle of a switch away from {product}.',
  ),
  news: pool(
    '{co} drops {product}, seeks new {thing}|{co} will not renew {product} contract',
    '{co} plans exit from {product} as {team} grows|{co} weighs {product} replacement',
  ),
};

// Indirect evidence.
export const INDIRECT = {
  adminTitle: pool(
    '{product} Administrator|{product} Admin (contract)|Junior {product} Administrator',
    '{product} Systems Administrator|{product} Platform Owner|{product} Admin & Analyst',
  ),
  adminBody: pool(
    'Day-to-day owner of our {product} instance: users, permissions, reports and integrations.|Keep {product} healthy for the {team} team and handle configuration requests.',
    'You will configure {product}, build reports and support its users across the {team} team.|Hands-on administration of {product}, including data quality and user training.',
  ),
  funding: pool(
    'Raised {round} to grow the {team} team and the systems behind it.|New {round} funding will go into expanding {team} and the tools they use.',
    'Closed a {round}; proceeds will build out {team} capacity.|{round} secured to scale {team} and modernise how it works.',
  ),
  hiring: pool(
    '{team} headcount grew sharply over the last two quarters.|Rapid expansion of the {team} department.',
    '{team} team doubled in size since last year.|Fast hiring across {team}.',
  ),
};

// Sellers of the category that are services firms, and press about someone else's purchase.
export const SERVICES = {
  website: pool(
    'Our {product} practice has delivered more than 60 {thing} projects for mid-market clients.|We are a certified {product} partner: implementation, data migration and managed support for your {thing}.|Authorised {product} reseller. We license, deploy and support {product} for clients across the region.',
    'Certified {product} consultants help your {team} team get live faster.|As a {product} gold partner we design, implement and run {thing} programmes for our customers.|Our consultancy specialises in {thing} rollouts; talk to our {product} experts.',
  ),
  jobTitle: pool(
    '{product} Consultant|Senior {product} Implementation Consultant',
    '{product} Solution Architect (client projects)|{product} Delivery Consultant',
  ),
  job: pool(
    'Join our {product} practice and lead {thing} implementations for our clients. Up to 40% travel to client sites.|You will deliver {product} projects for customers of our consultancy, from discovery to go-live.',
    'Client-facing role in our {product} team: scope, configure and hand over {thing} deployments to customer organisations.|Billable consultant delivering {product} rollouts across our client portfolio.',
  ),
  news: pool(
    '{other} goes live on {product} with help from {co}|{co} named {product} partner of the year',
    '{co} completes {product} rollout for {other}|{co} expands {product} practice after client wins',
  ),
};

export const PRESS = {
  news: pool(
    '{other} selects {product} as its new {thing}, sources say|How {other} replaced its {thing} with {product}: a case study',
    'Industry roundup: {other} signs multi-year deal for {product}|{other} picks {product} for {thing} modernisation',
  ),
};

// Software companies selling the category.
export const VENDOR = pool(
  'Our {thing} is trusted by 2,000 growing teams. Start your free trial today.|The {thing} built for modern {team} teams. Book a demo with our product experts.',
  'We build the {thing} that {team} leaders love. See pricing and plans.|Named a leader for {thing} three years running. Request a demo.',
);

// Companies that already run the category happily (bought long ago): not in market.
export const SATISFIED = pool(
  'We have run {product} as our {thing} for years and our {team} team knows it inside out.|Thanks to {product}, our {team} team works from a single {thing}.',
  'Our {thing} ({product}) has served us well since 2019.|{product} is the backbone of how our {team} team works.',
);

// Noise every company emits.
export const NOISE = {
  jobTitle: [
    'Warehouse Associate',
    'Account Executive',
    'Office Manager',
    'Registered Nurse',
    'Software Engineer',
    'Staff Accountant',
    'Marketing Coordinator',
    'Customer Success Manager',
    'Operations Analyst',
    'Electrician',
    'Store Manager',
    'Paralegal',
    'Data Analyst',
    'HR Generalist',
    'Recruiter',
    'Financial Analyst',
    'Sales Development Representative',
    'Field Technician',
  ],
  job: [
    'Join a friendly team with great benefits and flexible hours.',
    'We are growing and looking for someone who loves solving problems with us.',
    'Competitive salary, pension and 25 days of holiday.',
    'You will work closely with colleagues across the business to deliver for our customers.',
  ],
  website: [
    'Founded by engineers, we serve customers across North America and the UK.',
    'Our people are what make us different. Meet the team behind our work.',
    'We opened a new office this spring and are proud of our community work.',
    'Read our latest customer stories and product news.',
  ],
  news: [
    '{co} opens new office',
    '{co} wins regional business award',
    '{co} appoints new chief executive',
    '{co} marks 20 years in business',
    '{co} announces community partnership',
  ],
  tools: [
    'Slack',
    'Google Workspace',
    'Microsoft 365',
    'Zoom',
    'Dropbox',
    'Asana',
    'Notion',
    'Figma',
    'GitHub',
    'Canva',
  ],
};

// Places (facts): US/CA/UK cities with their region codes.
export const PLACES: { city: string; region: string | null; country: string; weight: number }[] = [
  ...'New York,NY,10;Chicago,IL,7;Houston,TX,5;Dallas,TX,5;Austin,TX,4;San Antonio,TX,2;Phoenix,AZ,3;Philadelphia,PA,3;San Diego,CA,3;Los Angeles,CA,6;San Francisco,CA,6;San Jose,CA,3;Seattle,WA,4;Denver,CO,3;Boston,MA,5;Atlanta,GA,4;Miami,FL,3;Tampa,FL,2;Orlando,FL,2;Charlotte,NC,2;Raleigh,NC,2;Nashville,TN,2;Columbus,OH,2;Cleveland,OH,1;Detroit,MI,2;Minneapolis,MN,2;Milwaukee,WI,1;Indianapolis,IN,1;St. Louis,MO,1;Kansas City,MO,1;Omaha,NE,1;Des Moines,IA,1;Salt Lake City,UT,1;Portland,OR,2;Baltimore,MD,1;Pittsburgh,PA,1;Richmond,VA,1;Newark,NJ,1;Hartford,CT,1;Providence,RI,1;Boise,ID,1;Albuquerque,NM,1;Las Vegas,NV,1;Sacramento,CA,1;Oklahoma City,OK,1;Louisville,KY,1;Birmingham,AL,1'
    .split(';')
    .map((r) => {
      const [city = '', region = '', weight = '1'] = r.split(',');
      return { city, region, country: 'US', weight: Number(weight) };
    }),
  ...'Toronto,ON,6;Mississauga,ON,1;Ottawa,ON,2;Montreal,QC,3;Quebec City,QC,1;Vancouver,BC,3;Victoria,BC,1;Calgary,AB,2;Edmonton,AB,1;Winnipeg,MB,1;Halifax,NS,1;Regina,SK,1'
    .split(';')
    .map((r) => {
      const [city = '', region = '', weight = '1'] = r.split(',');
      return { city, region, country: 'CA', weight: Number(weight) };
    }),
  ...'London,,8;Manchester,,2;Birmingham,,2;Leeds,,1;Bristol,,1;Edinburgh,SCT,1;Glasgow,SCT,1;Cardiff,WLS,1;Belfast,NIR,1;Cambridge,,1'
    .split(';')
    .map((r) => {
      const [city = '', region = '', weight = '1'] = r.split(',');
      return { city, region: region || null, country: 'GB', weight: Number(weight) };
    }),
];

// The data model's industry ids (intent/types.ts says a company's industry is one of them); a test
// checks this list still equals the model's.
export const INDUSTRY_IDS = [
  'software',
  'it_services',
  'hardware',
  'telecommunications',
  'fintech',
  'banking',
  'insurance',
  'healthcare',
  'pharma_biotech',
  'medical_devices',
  'manufacturing',
  'automotive',
  'aerospace_defense',
  'construction',
  'energy_utilities',
  'logistics',
  'retail',
  'ecommerce',
  'consumer_goods',
  'food_beverage',
  'hospitality',
  'real_estate',
  'professional_services',
  'legal',
  'marketing_advertising',
  'staffing',
  'media',
  'education',
  'government',
  'nonprofit',
];

export const NAME_PARTS = {
  first:
    'Alder Birch Cobalt Dunmore Ember Fairhaven Granite Harbor Ironwood Juniper Kestrel Lumen Maple Northgate Oakridge Pinecrest Quarry Redfern Silverline Tidewater Upland Vantage Westbrook Yarrow Zephyr Ashby Brightwater Copperfield Driftwood Eastmoor'.split(
      ' ',
    ),
  second: 'Works Group Holdings Labs Company Collective Industries Associates Co Enterprises Ventures'.split(
    ' ',
  ),
};
