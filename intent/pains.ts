// What a buyer's problem sounds like before they name the product category: symptoms, workarounds
// and complaints ("deals tracked in spreadsheets", "signed contracts scattered across inboxes").
// Written by hand from general product knowledge, per category of taxonomy.ts. The parser reads a
// prompt that only describes a pain through these; the ranker searches them (at a low weight) so a
// company that only complains about the problem still counts as evidence.

const ROWS = `
crm | deals tracked in spreadsheets;sales pipeline in spreadsheets;no visibility into the pipeline;lost track of leads;customer contacts scattered;forecasting is guesswork;reps update spreadsheets;follow ups fall through the cracks;account history lives in inboxes;duplicate customer records;pipeline reporting takes hours
helpdesk | customer emails pile up;support requests in a shared inbox;tickets slip through the cracks;customers wait days for a reply;no way to track customer requests;response times are too slow;support backlog;agents answer the same questions;customer complaints go unanswered;shared mailbox for support
marketing_automation | manual email campaigns;sending newsletters by hand;leads go cold;no lead nurturing;marketing emails from spreadsheets;cannot track which campaigns convert;campaign lists exported by hand;marketing and sales not aligned on leads;batch and blast emails;no attribution for campaigns
erp | finance and inventory in separate systems;month end takes weeks;spreadsheets to reconcile inventory;disconnected finance and operations systems;legacy accounting system cannot scale;manual order entry;no single view of inventory and orders;homegrown systems for orders and invoicing;end of support for our current system;consolidating entities after acquisitions
hris | employee records in spreadsheets;paper personnel files;onboarding new hires on paper;hr data scattered across systems;manual time off tracking;no single source of truth for employees;org chart out of date;benefits enrollment by email;hr admin work piling up;employee data in multiple spreadsheets
payroll | payroll errors;paying employees late;manual payroll calculations;payroll in spreadsheets;paying contractors in several countries;tax filing mistakes on payroll;overtime calculated by hand;payroll takes days each cycle
ats | resumes in email inboxes;candidates lost in inboxes;hiring managers chase candidates by email;no way to track applicants;interview scheduling by email;hiring in spreadsheets;slow time to hire;candidate pipeline in spreadsheets;recruiters drowning in applications
accounting | books kept in spreadsheets;month end close takes weeks;manual journal entries;invoices reconciled by hand;reconciliation errors;late financial statements;accounts payable on paper;audit found errors in the books;bookkeeping backlog
expense_management | expense reports on paper;receipts in shoeboxes;chasing employees for receipts;reimbursements take weeks;out of policy spending;corporate card statements reconciled by hand;no visibility into employee spending;expense spreadsheets
procurement | purchase requests by email;maverick spending;no visibility into supplier spend;purchase orders on paper;approvals stuck in email;too many suppliers;invoices without purchase orders;off contract buying
endpoint_security | ransomware hit laptops;malware on employee laptops;antivirus missed an attack;unprotected endpoints;laptops infected;no visibility into devices under attack;legacy antivirus;phishing led to infected machines
siem | logs scattered across systems;no central log collection;alerts nobody watches;cannot detect intrusions;incident investigation takes days;auditors want log retention;blind to attacks on the network;no security operations team watching alerts
iam | too many passwords;password resets flood the help desk;shared passwords;former employees still have access;manual account provisioning;access reviews in spreadsheets;no multi factor;accounts not removed when people leave;employees reuse passwords;logins for every app
cloud_infrastructure | servers in a closet;data center lease ends;aging on premise servers;hardware refresh coming due;capacity problems on our servers;colocation contract ending;running everything on premise;servers out of warranty
data_warehouse | data in silos;reports pulled from many databases;analysts wait on data;nightly exports to spreadsheets;no single source of truth for data;queries too slow on production database;data scattered across tools;manual data pipelines break
bi_analytics | reports built by hand in excel;leadership waits weeks for reports;no dashboards;copy paste reporting;every team has its own numbers;manual weekly reporting;spreadsheets emailed around;cannot see kpis in real time
observability | outages found by customers;no visibility into production;slow pages and no idea why;alerts too noisy;downtime we learn about from users;cannot trace errors across services;logs spread across servers;mean time to recovery too long
devops | releases take weeks;manual deployments;deployments break production;builds take hours;release day is all hands;no automated tests;scripts on one engineer laptop for deploys
project_management | projects tracked in spreadsheets;missed deadlines;no visibility into project status;status meetings every day;tasks lost in email;teams overbooked;project updates scattered across tools;resource conflicts across projects
collaboration | information lost in email threads;employees cannot find documents;company news by email blast;too many email attachments;knowledge lives in people heads;remote staff feel disconnected;no central place for policies
ecommerce_platform | online store keeps crashing;website cannot handle peak traffic;checkout is slow;outgrown our online store;customers cannot order online;orders taken by phone and email;storefront hard to change;site goes down on black friday
payments | high processing fees;checkout declines;payments fail at checkout;cannot accept cards online;chargebacks piling up;slow payouts;cannot take payments in other currencies;paper checks from customers
sales_engagement | reps send emails one by one;no follow up cadence;cold outreach by hand;prospecting takes all day;reps forget to follow up;outbound emails from personal inboxes;low reply rates on outreach
clm | signed contracts scattered across inboxes;contracts in shared drives;missed contract renewals;cannot find the signed version;contracts lost in email;renewal dates in spreadsheets;redlines by email;no visibility into contract obligations;auto renewals we forgot;contract approvals stuck in email;agreements stored in folders
esignature | printing and scanning contracts;paper signatures;documents signed by hand;courier documents for signature;wet signatures slow deals;faxing signed forms;chasing signatures by email
lms | training on paper;onboarding training in slide decks;compliance training tracked in spreadsheets;no record of who completed training;employees not trained;training binders;certifications tracked by hand
ehr | paper charts;patient records on paper;clinicians double chart;records scattered across systems;charting takes hours;cannot share records with other providers;legacy medical records system
telehealth | patients travel hours for appointments;no video visits;missed appointments from rural patients;phone only follow ups;patients cannot see doctors remotely
pos | cash registers break;checkout lines too long;old registers;inventory not synced with the store;card readers fail;tills;orders written on paper in the restaurant
wms | inventory counts wrong;picking errors;orders shipped late;stock tracked on paper;warehouse runs on spreadsheets;cannot find stock in the warehouse;mis shipments;manual cycle counts
tms | freight booked by phone;shipping costs too high;loads planned in spreadsheets;no visibility into shipments;carriers booked by email;late deliveries;freight invoices audited by hand
fleet_management | no idea where our trucks are;drivers speeding;fuel costs out of control;paper driver logs;vehicle maintenance missed;breakdowns on the road;accidents involving our drivers
mes | production tracked on paper;whiteboards on the shop floor;scrap rates too high;no real time view of the line;downtime on the line;quality issues found late;clipboards on the factory floor
cmms | maintenance tracked on paper;equipment breaks down unexpectedly;work orders on clipboards;missed preventive maintenance;unplanned downtime;spare parts lost;maintenance in spreadsheets
field_service | technicians scheduled on whiteboards;missed appointments;dispatch by phone;paper work orders in trucks;technicians drive too much;customers wait for a technician;job sheets on paper
property_management | rent collected by check;tenant requests by phone;leases in filing cabinets;maintenance requests lost;late rent tracking in spreadsheets;tenants complain about slow repairs
contact_center | callers on hold too long;dropped calls;call volumes overwhelm agents;agents cannot see customer history;old phone system in the call center;long wait times on the phone line
ucaas | old phone system;pbx end of life;desk phones;phone bills too high;remote staff cannot take office calls;landlines in every office;phone system keeps failing
backup_dr | no backups;backups fail;lost data after an outage;ransomware encrypted our files;restoring data takes days;backup tapes;no disaster recovery plan;single copy of our data
network_security | vpn is slow;firewall end of life;remote workers bypass the vpn;network breach;flat network;old firewalls;branch offices unprotected
itsm | it requests by email;it tickets in a shared inbox;no it asset inventory;employees wait days for it help;it team overwhelmed with requests;laptops untracked;change requests by email
mdm | lost laptops with company data;no control over company phones;setting up laptops by hand;employees use personal phones for work;cannot wipe lost devices;device setup takes days
cdp | customer data scattered across tools;no single view of the customer;duplicate customer profiles;cannot personalize;marketing data in silos;audiences built by hand
web_cms | website hard to update;developers needed for every page change;outdated website;slow website;marketing cannot edit the site;website on an old platform
social_media | posting to social by hand;missed comments on social;no idea what people say about our brand;social accounts managed from phones;scheduling posts manually
customer_feedback | no idea why customers leave;customer churn without warning;surveys in spreadsheets;feedback scattered;no net promoter tracking;cannot measure customer satisfaction
grc | security questionnaires from customers pile up;audit prep takes months;compliance evidence in spreadsheets;enterprise customers ask for soc 2;policies scattered;failed an audit
tax_compliance | sales tax filed by hand;nexus in new states;tax rates in spreadsheets;sales tax audit;vat filings by hand;tax errors on invoices
billing | invoices built in spreadsheets;billing errors;subscription changes handled manually;revenue recognition in spreadsheets;invoicing takes days;customers billed the wrong amount
conversational_ai | same questions answered all day;customers want answers at night;support cannot keep up with chat;long waits for simple answers;agents handle repetitive questions
video_conferencing | meeting rooms without video;hybrid meetings are painful;remote people cannot hear the room;conference room equipment broken;every meeting starts late with cables
energy_management | energy bills rising;no idea how much energy our buildings use;emissions reported in spreadsheets;investors ask for carbon data;sustainability report by hand;utility bills collected manually
legal_practice | billable hours tracked on paper;time entries lost;invoices to clients late;matters tracked in spreadsheets;case files in cabinets;lawyers forget to log time
`;

/** Category id -> pain phrases. */
export const PAINS: Map<string, string[]> = new Map(
  ROWS.trim()
    .split('\n')
    .map((line) => {
      const [id = '', list = ''] = line.split('|').map((s) => s.trim());
      return [
        id,
        list
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      ];
    }),
);
