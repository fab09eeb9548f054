// The seed generator's own vocabulary: how companies in market for a category talk about it in job
// posts, on their websites and in the news. Written separately from the ranker's taxonomy
// (intent/taxonomy.ts); the two share only category ids and technology names (facts). Every pool is
// split into a "dev" half and a "test" half: a company's signals use one half (its template split),
// so evaluation can check the ranker does not depend on the dev phrasing it was tuned on.

export interface WorldCategory {
  id: string;
  nouns: { dev: string[]; test: string[] };
  jobs: { dev: string[]; test: string[] };
}

// id | dev nouns | test nouns | dev job titles | test job titles
const ROWS = `
crm | CRM;sales pipeline tooling;customer relationship management platform | client management system;deal desk tooling;account management database | CRM Administrator;Sales Operations Manager;Salesforce Developer | Revenue Systems Analyst;CRM Implementation Lead;Sales Systems Manager
helpdesk | help desk;support ticketing system;customer support platform | customer service software;case management tool;shared support inbox | Support Operations Manager;Help Desk Team Lead;Customer Support Manager | Head of Customer Care;Support Tooling Specialist;Customer Experience Operations Lead
marketing_automation | marketing automation platform;email nurture program;lead scoring model | campaign orchestration tool;lifecycle email platform;demand gen stack | Marketing Operations Manager;Marketing Automation Specialist;Demand Generation Manager | Lifecycle Marketing Lead;Campaign Operations Analyst;Growth Marketing Manager
erp | ERP system;enterprise resource planning platform;ERP modernization | finance and inventory backbone;core business system;ERP replacement | ERP Project Manager;ERP Business Analyst;Director of ERP Systems | Business Systems Lead (Finance/Supply Chain);Digital Core Program Manager;NetSuite Functional Consultant
hris | HRIS;human capital management suite;HR information system | people platform;employee system of record;core HR software | HRIS Manager;People Operations Manager;HR Systems Analyst | People Systems Lead;HR Technology Manager;Workforce Systems Analyst
payroll | payroll system;payroll provider;global payroll | pay run software;salary processing platform;payroll outsourcing partner | Payroll Manager;Payroll Specialist;Global Payroll Lead | Compensation and Payroll Analyst;Pay Operations Manager;Payroll Systems Administrator
ats | applicant tracking system;recruiting software;ATS | hiring workflow tool;candidate pipeline software;talent acquisition platform | Talent Acquisition Manager;Recruiting Operations Manager;Head of Talent | Recruiting Systems Specialist;Talent Operations Lead;Hiring Operations Manager
accounting | accounting software;general ledger;month-end close process | bookkeeping platform;financial close tooling;accounts payable automation | Controller;Accounting Manager;Senior Accountant | Close Manager;Finance Systems Accountant;Assistant Controller
expense_management | expense management;corporate card program;travel and expense tool | spend control platform;expense reporting software;employee reimbursement tool | Finance Operations Manager;Accounts Payable Manager;Expense Analyst | Spend Management Lead;T&E Program Manager;Finance Process Analyst
procurement | procurement platform;procure-to-pay process;supplier management | sourcing and purchasing tool;purchase order workflow;vendor onboarding system | Procurement Manager;Head of Procurement;Sourcing Manager | Purchasing Systems Lead;Strategic Sourcing Director;P2P Process Owner
endpoint_security | endpoint security;EDR platform;endpoint detection and response | ransomware protection on laptops;next-gen antivirus;device threat protection | Security Engineer;IT Security Manager;Endpoint Security Analyst | Threat Response Engineer;Cyber Defense Manager;Security Operations Engineer
siem | SIEM;security monitoring;log management platform | security operations tooling;threat detection stack;24/7 SOC capability | SOC Manager;Security Analyst (SIEM);Detection Engineer | Cyber Threat Monitoring Lead;Incident Detection Engineer;Security Monitoring Manager
iam | identity and access management;single sign-on;MFA rollout | workforce identity platform;access governance;zero trust identity layer | IAM Engineer;Identity Manager;Access Management Analyst | Identity Platform Lead;Directory Services Engineer;Access Governance Manager
cloud_infrastructure | cloud migration;public cloud infrastructure;data center exit | lift-and-shift to the cloud;hosting modernization;infrastructure replatforming | Cloud Architect;Head of Infrastructure;Cloud Migration Engineer | Platform Modernization Lead;Hybrid Infrastructure Engineer;Data Center Transformation Manager
data_warehouse | data warehouse;cloud data platform;data pipelines | analytics lakehouse;central data repository;ELT stack | Data Engineer;Head of Data;Analytics Engineer | Data Platform Lead;Warehouse Engineer;Data Infrastructure Manager
bi_analytics | business intelligence;dashboards and reporting;BI platform | self-serve reporting;executive KPI dashboards;visual analytics tool | BI Analyst;BI Manager;Reporting Analyst | Insights and Reporting Lead;Dashboard Developer;Analytics Manager
observability | observability platform;application performance monitoring;logging and tracing | production monitoring stack;SRE tooling;incident alerting | Site Reliability Engineer;SRE Manager;Observability Engineer | Production Engineering Lead;Monitoring Platform Engineer;Reliability Engineering Manager
devops | CI/CD pipeline;build and deployment automation;DevOps platform | release engineering tooling;continuous delivery;developer productivity platform | DevOps Engineer;Build and Release Engineer;Platform Engineer | Delivery Pipeline Engineer;Developer Experience Lead;Release Manager
project_management | project management software;work management platform;project tracking | portfolio planning tool;task and resource planning;PMO tooling | Project Manager;PMO Director;Program Manager | Delivery Operations Lead;Portfolio Manager;Work Management Administrator
collaboration | intranet;internal communications platform;team collaboration tool | employee hub;knowledge sharing platform;digital workplace | Internal Communications Manager;Digital Workplace Manager;Intranet Administrator | Employee Experience Lead;Knowledge Management Lead;Workplace Technology Manager
ecommerce_platform | e-commerce platform;online store;replatforming | headless storefront;digital commerce stack;B2B ordering portal | E-commerce Manager;Head of E-commerce;E-commerce Platform Developer | Digital Commerce Lead;Storefront Engineer;Online Sales Director
payments | payment processing;payment gateway;checkout and payments | merchant acquiring;card acceptance;payment orchestration | Payments Manager;Head of Payments;Payments Engineer | Payment Operations Lead;Checkout Product Manager;Merchant Services Manager
sales_engagement | sales engagement platform;outbound sequencing;sales cadence tool | prospecting automation;SDR tooling;outreach workflow | SDR Manager;Sales Development Manager;Sales Enablement Manager | Outbound Program Lead;Pipeline Generation Manager;Sales Productivity Analyst
clm | contract lifecycle management;contract management system;contract repository | agreement workflow tool;legal intake and contracting;contract analytics | Legal Operations Manager;Contract Manager;Contracts Administrator | Commercial Contracts Lead;Legal Technology Manager;Contract Operations Analyst
esignature | electronic signature;e-signature tool;digital signing | paperless signing workflow;online document signing;signature automation | Operations Coordinator;Document Workflow Specialist;Office Operations Manager | Paperless Operations Lead;Agreement Workflow Analyst;Business Process Coordinator
lms | learning management system;corporate training platform;employee training | L&D platform;onboarding academy;upskilling portal | Learning and Development Manager;Training Manager;LMS Administrator | Enablement Program Lead;Instructional Systems Manager;Learning Technology Specialist
ehr | electronic health records;EHR system;EMR | clinical records platform;patient chart system;clinical documentation software | Clinical Informatics Manager;EHR Analyst;Health IT Director | Epic Certified Analyst;Clinical Applications Lead;Medical Records Systems Manager
telehealth | telehealth platform;virtual care;telemedicine | remote consultations;video visits program;virtual clinic | Telehealth Program Manager;Director of Virtual Care;Telemedicine Coordinator | Digital Health Program Lead;Virtual Clinic Manager;Remote Care Coordinator
pos | point of sale;POS system;checkout terminals | in-store checkout;register hardware and software;restaurant ordering terminals | Retail Operations Manager;POS Administrator;Store Systems Manager | Store Technology Lead;Checkout Experience Manager;Restaurant Technology Manager
wms | warehouse management system;WMS;warehouse automation | fulfillment center software;inventory control system;pick-pack-ship tooling | Warehouse Manager;WMS Analyst;Director of Distribution | Fulfillment Systems Lead;Distribution Center Manager;Inventory Systems Analyst
tms | transportation management system;TMS;freight management | route and load planning;carrier procurement tool;shipping optimization | Transportation Manager;Logistics Manager;TMS Analyst | Freight Operations Lead;Network Planning Manager;Carrier Relations Manager
fleet_management | fleet management;telematics;GPS fleet tracking | vehicle tracking devices;driver safety program;fleet maintenance software | Fleet Manager;Director of Fleet Operations;Fleet Safety Manager | Vehicle Operations Lead;Telematics Coordinator;Transportation Safety Lead
mes | manufacturing execution system;MES;shop floor system | production tracking software;factory digitalization;OEE monitoring | Manufacturing Engineer;Plant Manager;MES Engineer | Smart Factory Lead;Production Systems Engineer;Operations Excellence Manager
cmms | CMMS;maintenance management system;preventive maintenance | asset maintenance software;work order system;enterprise asset management | Maintenance Manager;Reliability Engineer;CMMS Administrator | Maintenance Planner;Asset Reliability Lead;Facilities Maintenance Supervisor
field_service | field service management;technician scheduling;dispatch software | mobile workforce app;service appointment routing;work order dispatch | Field Service Manager;Dispatch Manager;Service Operations Director | Technician Operations Lead;Scheduling Manager;Field Operations Analyst
property_management | property management software;lease management;tenant portal | rent collection platform;resident experience app;portfolio management system | Property Manager;Director of Property Management;Leasing Manager | Real Estate Operations Lead;Portfolio Operations Manager;Resident Services Manager
contact_center | contact center platform;call center software;CCaaS | cloud call center;IVR and routing;omnichannel customer care | Contact Center Director;Call Center Manager;Workforce Management Analyst | Customer Care Operations Lead;Contact Center Technology Manager;Telephony Engineer
ucaas | business phone system;VoIP;cloud phone system | PBX replacement;unified communications;desk phone migration | Telecom Manager;Network Administrator;IT Manager | Unified Communications Engineer;Voice Systems Administrator;Communications Infrastructure Lead
backup_dr | backup and disaster recovery;data backup;business continuity | ransomware recovery plan;immutable backups;failover site | Backup Administrator;Infrastructure Manager;Systems Administrator | Resilience Engineer;Business Continuity Manager;Storage and Backup Engineer
network_security | firewall;network security;SASE | zero trust network access;secure web gateway;VPN replacement | Network Security Engineer;Network Architect;Firewall Administrator | Secure Access Engineer;Perimeter Security Lead;Network Defense Manager
itsm | IT service management;ITSM platform;IT ticketing | service desk tooling;ITIL processes;IT asset tracking | IT Service Manager;Service Desk Manager;ITSM Administrator | IT Operations Process Lead;ServiceNow Developer;Service Management Analyst
mdm | mobile device management;MDM;device management | laptop fleet management;endpoint provisioning;BYOD policy tooling | End User Computing Manager;Systems Administrator (MDM);Desktop Support Manager | Device Management Engineer;Workplace Technology Engineer;Client Platform Lead
cdp | customer data platform;CDP;unified customer profiles | first-party data strategy;audience segmentation platform;identity resolution | Marketing Technology Manager;CDP Manager;Customer Data Analyst | MarTech Architect;Audience Strategy Lead;Personalization Manager
web_cms | website CMS;headless CMS;website redesign | web content platform;digital experience platform;site replatforming | Web Manager;Website Manager;Digital Content Manager | Web Experience Lead;Front-End Content Developer;Digital Platforms Manager
social_media | social media management;social listening;social scheduling | community engagement tooling;social publishing workflow;influencer program | Social Media Manager;Community Manager;Head of Social | Social Content Lead;Brand Community Manager;Social Insights Analyst
customer_feedback | customer feedback platform;NPS surveys;voice of the customer | survey tooling;CSAT program;customer insights platform | Customer Insights Manager;CX Manager;Research Operations Manager | Voice of Customer Lead;Experience Research Analyst;Customer Listening Manager
grc | SOC 2 compliance;GRC platform;compliance automation | ISO 27001 certification;audit readiness tooling;risk register software | Compliance Manager;GRC Analyst;Risk Manager | Security Compliance Lead;Audit Readiness Manager;Trust and Assurance Analyst
tax_compliance | sales tax compliance;tax automation;VAT compliance | indirect tax engine;multi-state tax filing;tax calculation software | Tax Manager;Head of Tax;Indirect Tax Analyst | Tax Technology Lead;Sales Tax Specialist;Global Tax Operations Manager
billing | subscription billing;recurring billing platform;usage-based billing | invoicing and revenue recognition;quote-to-cash system;billing engine | Billing Manager;Revenue Operations Manager;Billing Systems Analyst | Monetization Systems Lead;Order-to-Cash Manager;Pricing and Billing Analyst
conversational_ai | chatbot;conversational AI;virtual agent | AI assistant for customers;automated customer conversations;self-service bot | Conversational AI Designer;Chatbot Product Manager;Customer Automation Lead | AI Experience Manager;Virtual Assistant Program Lead;Automation Product Owner
video_conferencing | video conferencing;meeting room systems;hybrid meeting technology | conference room AV upgrade;webinar platform;video collaboration | AV Manager;Workplace Experience Manager;Meeting Room Technician | Collaboration Technology Lead;Audio Visual Engineer;Hybrid Workplace Manager
energy_management | energy management;carbon accounting;sustainability reporting | ESG data platform;emissions tracking;building energy monitoring | Sustainability Manager;Energy Manager;ESG Reporting Analyst | Decarbonization Lead;Carbon Data Analyst;Climate Program Manager
legal_practice | legal practice management;legal billing;matter management | law firm operations software;timekeeping and billing for attorneys;case management for lawyers | Law Firm Administrator;Legal Operations Manager;Legal IT Manager | Practice Technology Lead;Firm Operations Director;Legal Billing Manager
`;

const list = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

export const WORLD: WorldCategory[] = ROWS.trim()
  .split('\n')
  .map((line) => {
    const f = line.split('|').map((s) => s.trim());
    return {
      id: f[0] ?? '',
      nouns: { dev: list(f[1]), test: list(f[2]) },
      jobs: { dev: list(f[3]), test: list(f[4]) },
    };
  });

export type Split = 'dev' | 'test';

// Buyer-side sentence templates, per signal type, in two disjoint pools. {noun}, {tool}, {company},
// {job} and {trigger} are filled in. Website texts read like careers pages, blog posts or press pages.
export const BUYER_TEMPLATES: Record<'job' | 'website' | 'news', Record<Split, string[]>> = {
  job: {
    dev: [
      '{company} is hiring a {job} to lead the evaluation and rollout of a new {noun}. You will own vendor selection and implementation.',
      'We are looking for a {job} to help us replace our {tool} setup with a modern {noun}. Experience with {tool} migrations is a plus.',
      'As {job} you will drive the {noun} implementation project end to end, from requirements to go-live.',
      'Join {company} as a {job}. Your first project: selecting and implementing our next {noun}.',
    ],
    test: [
      'The {job} will run our search for a {noun} and manage the switch away from {tool}.',
      '{company} needs a {job} to stand up a {noun} from scratch over the next two quarters.',
      'Reporting to the COO, the {job} will shortlist vendors, run demos and own the budget for our {noun}.',
      'New role: {job}. Mission: consolidate our tools onto one {noun} and retire {tool}.',
    ],
  },
  website: {
    dev: [
      'We are currently evaluating a new {noun} as we outgrow {tool}.',
      'Our operations team is migrating to a modern {noun} this year to support growth.',
      'Engineering blog: why we are replacing {tool} and what we need from our next {noun}.',
    ],
    test: [
      'Update from our team: we have budget approved for a {noun} and are talking to vendors.',
      'After {trigger}, modernizing our {noun} is a top priority for the next two quarters.',
      'We are issuing an RFP for a {noun}; suppliers can contact our procurement office.',
    ],
  },
  news: {
    dev: [
      '{company} announces plans to modernize its {noun} following {trigger}',
      '{company} kicks off {noun} selection as part of digital transformation',
      '{company} to replace {tool} in company-wide {noun} overhaul',
    ],
    test: [
      '{company} CIO outlines roadmap including a new {noun}',
      'After {trigger}, {company} budgets for {noun} upgrade',
      '{company} opens tender for {noun} services',
    ],
  },
};

// Sentences of a *seller* of the category (vendors are decoys: they talk about the category a lot).
export const VENDOR_TEMPLATES: Record<Split, string[]> = {
  dev: [
    '{company} is a leading provider of {noun} for growing teams. Book a demo or start a free trial today.',
    'Our platform helps thousands of companies run their {noun}. Trusted by teams in 40 countries; see pricing.',
    '{company} named a leader in {noun} for the third year. Our customers switch from {tool} in days.',
  ],
  test: [
    'We build the {noun} that fast-growing businesses love. Integrates with {tool}; sign up free.',
    '{company} makes {noun} simple: our solution replaces legacy tools and our customers see results in weeks.',
    'Award winning {noun} trusted by mid-market brands. Request a demo to see our platform.',
  ],
};

// Passive mentions by satisfied users (not in market): the category's words without buying intent.
export const USER_TEMPLATES: string[] = [
  'Our team has used {tool} for years as our {noun}.',
  'Certified partner: we share data with customers through our {noun}.',
  'Case study: how our staff work with {tool} every day.',
];

export const TRIGGERS: string[] = [
  'a recent acquisition',
  'rapid headcount growth',
  'a new funding round',
  'opening new offices',
  'an expansion into Europe',
  'a leadership change',
];

// Generic, category-free signals that every company emits (noise).
export const GENERIC_JOBS: string[] = [
  'Software Engineer',
  'Senior Software Engineer',
  'Account Executive',
  'Office Manager',
  'Marketing Coordinator',
  'Financial Analyst',
  'Customer Success Manager',
  'Product Designer',
  'HR Generalist',
  'Operations Associate',
  'Sales Representative',
  'Data Analyst',
  'Executive Assistant',
  'Warehouse Associate',
  'Registered Nurse',
  'Mechanical Engineer',
  'Project Coordinator',
  'Recruiter',
  'Store Manager',
  'Paralegal',
];

export const GENERIC_JOB_TEXT: string[] = [
  '{company} is growing and looking for a {job} to join our team. Competitive salary and benefits.',
  'We are hiring a {job}. You will collaborate with colleagues across the business and help us serve customers.',
  'Join {company} as a {job}. Hybrid working, learning budget and a friendly team.',
];

export const GENERIC_NEWS: string[] = [
  '{company} opens new office in {city}',
  '{company} appoints new chief executive',
  '{company} wins industry award for workplace culture',
  '{company} announces partnership with regional distributor',
  '{company} celebrates {years} years in business',
  '{company} reports record quarterly revenue',
];

export const GENERIC_WEBSITE: string[] = [
  'At {company} we put our customers first. Learn about our history, our values and our people.',
  '{company} serves clients across {industry}. Contact our team to learn more about our services.',
  'News and updates from {company}: community events, product updates and team announcements.',
];

export const DEPARTMENTS: string[] = [
  'Engineering',
  'Sales',
  'Operations',
  'Support',
  'Finance',
  'Marketing',
  'HR',
  'IT',
];
