import { compactKey, normalizeLabel } from './text.js';

// Curated taxonomy of B2B product categories. Each category lists what a buyer's evidence looks like:
// synonyms for the category, buyer personas (job titles), the competing or legacy tools a buyer
// replaces or runs, trigger events, and the ideal customer profile (industries and size range) used
// for the firmographic fit prior. Written by hand from general product knowledge; independent of the
// seed generator's text templates.

export interface Category {
  id: string;
  name: string;
  synonyms: string[];
  personas: string[];
  tools: string[];
  /** Further products of the category: recognised by name (stacks, changes, prompts), not searched as text. */
  moreTools: string[];
  triggers: string[];
  /** Industry ids where the category sells best; empty = every industry. */
  industries: string[];
  minEmployees: number;
  maxEmployees: number;
  department: string;
  /** The department first, then others that often buy it (IT for identity, operations for ERP). */
  departments: string[];
}

// Departments besides a category's own that often drive the purchase.
const MORE_DEPARTMENTS: Record<string, string> = {
  iam: 'it',
  endpoint_security: 'it',
  siem: 'it',
  network_security: 'it',
  backup_dr: 'security',
  mdm: 'security',
  erp: 'operations',
  procurement: 'operations',
  bi_analytics: 'finance',
  data_warehouse: 'engineering',
  observability: 'it',
  cloud_infrastructure: 'it',
  payroll: 'finance',
  cdp: 'data',
  customer_feedback: 'marketing',
  ecommerce_platform: 'marketing',
};

// id | name | synonyms | personas | tools | triggers | icp industries (* = all) | employees | department
const ROWS = `
crm | CRM software | crm;customer relationship management;sales crm;contact management;pipeline management;deal tracking | sales operations manager;revenue operations manager;crm administrator;head of sales;vp sales;salesforce administrator | Salesforce;HubSpot CRM;Pipedrive;Zoho CRM;Microsoft Dynamics 365;SugarCRM | outgrew spreadsheets;new sales team;sales expansion | * | 11-5000 | sales
helpdesk | Customer support software | help desk;helpdesk;customer support software;ticketing system;support ticketing;customer service platform;service desk for customers;support inbox | support operations manager;customer support manager;head of customer support;customer experience manager;support team lead;zendesk administrator | Zendesk;Freshdesk;Help Scout;Intercom;Kayako;Gorgias | ticket volume growth;support team expansion;customer churn | software;ecommerce;retail;fintech;telecommunications;consumer_goods | 11-5000 | support
marketing_automation | Marketing automation | marketing automation;email marketing;lead nurturing;campaign automation;drip campaigns;lead scoring | marketing operations manager;demand generation manager;head of marketing;marketing automation specialist;growth marketing manager;cmo | Marketo;HubSpot Marketing Hub;Pardot;Mailchimp;ActiveCampaign;Eloqua | new marketing team;product launch;rebrand | software;ecommerce;professional_services;fintech;media | 11-5000 | marketing
erp | ERP system | erp;enterprise resource planning;erp system;erp implementation;erp modernization;legacy erp;inventory and finance system | erp manager;erp project manager;cfo;controller;director of operations;it director | SAP ECC;SAP S/4HANA;Oracle NetSuite;Microsoft Dynamics NAV;Epicor;Infor;Sage X3 | acquisition;new plant;erp end of support | manufacturing;automotive;consumer_goods;food_beverage;logistics;aerospace_defense;hardware | 51-100000 | finance
hris | HRIS and HCM | hris;hcm;human resources information system;human capital management;hr software;hr platform;employee records | hr director;head of people;hris manager;hr operations manager;vp people;people operations manager | Workday;BambooHR;SAP SuccessFactors;Oracle HCM;Namely;Rippling | rapid hiring;headcount growth;merger | * | 51-100000 | hr
payroll | Payroll software | payroll;payroll software;payroll processing;payroll provider;global payroll;payroll outsourcing | payroll manager;payroll specialist;hr director;controller;cfo;finance manager | ADP;Paychex;Gusto;Paylocity;Paycom;Ceridian Dayforce | international expansion;headcount growth;new entity | * | 11-100000 | hr
ats | Applicant tracking system | applicant tracking system;ats;recruiting software;recruitment software;hiring platform;candidate management | talent acquisition manager;head of talent;recruiting operations manager;recruiter;hr director;vp people | Greenhouse;Lever;Workable;iCIMS;Taleo;SmartRecruiters | hiring surge;rapid hiring;new offices | * | 51-100000 | hr
accounting | Accounting software | accounting software;general ledger;bookkeeping;financial close;accounts payable;accounts receivable;month end close | controller;accounting manager;cfo;finance director;staff accountant;head of finance | QuickBooks;Xero;Sage Intacct;FreshBooks;NetSuite Financials;BlackLine | audit;fundraising;outgrew quickbooks | * | 11-5000 | finance
expense_management | Spend and expense management | expense management;spend management;expense reports;corporate cards;travel and expense;expense reporting | finance manager;controller;cfo;accounts payable manager;finance operations manager;head of finance | Expensify;SAP Concur;Brex;Ramp;Navan;Emburse | headcount growth;new offices;audit findings | * | 11-5000 | finance
procurement | Procurement software | procurement;procure to pay;purchasing software;supplier management;sourcing platform;vendor management;purchase orders | procurement manager;head of procurement;purchasing manager;chief procurement officer;sourcing manager;supply chain director | Coupa;SAP Ariba;Jaggaer;Ivalua;Zip;Procurify | cost reduction program;supplier risk;new plant | manufacturing;retail;healthcare;government;energy_utilities;logistics;consumer_goods | 201-100000 | finance
endpoint_security | Endpoint security | endpoint security;edr;endpoint detection and response;antivirus;xdr;ransomware protection;malware protection | ciso;security engineer;it security manager;security operations manager;head of security;it director | CrowdStrike Falcon;SentinelOne;Microsoft Defender;Sophos;Carbon Black;Symantec Endpoint Protection | ransomware attack;breach;cyber insurance requirement | * | 51-100000 | security
siem | SIEM and security monitoring | siem;security information and event management;security monitoring;log management;soc;security operations center;threat detection | soc manager;security analyst;ciso;security operations manager;detection engineer;head of security | Splunk;IBM QRadar;Microsoft Sentinel;LogRhythm;Elastic Security;Sumo Logic | breach;compliance audit;new soc | banking;insurance;healthcare;government;software;fintech;energy_utilities | 201-100000 | security
iam | Identity and access management | identity and access management;iam;single sign on;sso;mfa;multi factor authentication;identity governance;privileged access | identity engineer;iam manager;ciso;it director;security architect;it manager | Okta;Microsoft Entra ID;Ping Identity;OneLogin;CyberArk;SailPoint | audit findings;zero trust initiative;merger | * | 51-100000 | security
cloud_infrastructure | Cloud infrastructure and migration | cloud migration;cloud infrastructure;public cloud;data center migration;infrastructure as a service;cloud hosting;move to the cloud | cloud architect;head of infrastructure;devops manager;cto;it director;platform engineering manager | AWS;Microsoft Azure;Google Cloud;VMware;Rackspace;on premise servers | data center lease ending;digital transformation;scaling | * | 51-100000 | engineering
data_warehouse | Data warehouse | data warehouse;cloud data warehouse;data lake;lakehouse;data platform;etl;elt;data pipelines | data engineer;head of data;data engineering manager;analytics engineer;chief data officer;data architect | Snowflake;Google BigQuery;Amazon Redshift;Databricks;Teradata;Fivetran | new data team;analytics initiative;ai initiative | software;fintech;ecommerce;retail;banking;insurance;media;healthcare | 51-100000 | data
bi_analytics | Business intelligence | business intelligence;bi;dashboards;reporting tool;data visualization;self service analytics;analytics platform | bi analyst;bi manager;head of analytics;data analyst;analytics manager;finance director | Tableau;Power BI;Looker;Qlik;Domo;Sisense | new data team;board reporting;outgrew spreadsheets | * | 51-100000 | data
observability | Observability and APM | observability;application performance monitoring;apm;monitoring;logging;distributed tracing;infrastructure monitoring;alerting | site reliability engineer;sre manager;devops engineer;platform engineer;head of engineering;vp engineering | Datadog;New Relic;Dynatrace;Grafana;AppDynamics;Prometheus | outage;incident;scaling;microservices migration | software;fintech;ecommerce;media;telecommunications;it_services | 51-100000 | engineering
devops | CI/CD and DevOps tooling | ci cd;continuous integration;continuous delivery;devops platform;build pipeline;deployment automation;release automation | devops engineer;devops manager;platform engineer;head of engineering;vp engineering;build and release engineer | Jenkins;GitLab CI;GitHub Actions;CircleCI;Azure DevOps;Bamboo | slow releases;engineering team growth;microservices migration | software;fintech;ecommerce;media;it_services;telecommunications | 11-100000 | engineering
project_management | Project management software | project management;work management;task management;project tracking;project portfolio management;resource planning | project manager;pmo director;head of operations;program manager;operations manager;chief of staff | Asana;Monday.com;Jira;Smartsheet;Wrike;Microsoft Project | new pmo;team growth;missed deadlines | * | 11-5000 | operations
collaboration | Team collaboration and intranet | team collaboration;intranet;internal communications;knowledge base;team chat;employee communication;wiki | internal communications manager;it manager;head of people;digital workplace manager;chief of staff;it director | Slack;Microsoft Teams;Confluence;Notion;SharePoint;Workplace from Meta | remote work policy;merger;new offices | * | 51-100000 | it
ecommerce_platform | E-commerce platform | ecommerce platform;online store;headless commerce;b2b ecommerce;storefront;digital commerce;replatforming | ecommerce manager;head of ecommerce;director of digital;ecommerce director;digital commerce manager;cto | Shopify Plus;Magento;Salesforce Commerce Cloud;BigCommerce;WooCommerce;SAP Commerce Cloud | replatforming;d2c launch;peak season | retail;ecommerce;consumer_goods;food_beverage;manufacturing | 11-100000 | ecommerce
payments | Payment processing | payment processing;payments;payment gateway;merchant services;online payments;card processing;checkout | head of payments;payments manager;cfo;finance director;ecommerce director;cto | Stripe;Adyen;PayPal Braintree;Worldpay;Authorize.net;Square | international expansion;new checkout;high fees | ecommerce;retail;software;hospitality;fintech;food_beverage | 11-100000 | finance
sales_engagement | Sales engagement | sales engagement;sales cadence;outbound sales;sales sequencing;prospecting tool;sales outreach;sales dialer | sales development manager;sdr manager;head of sales development;revenue operations manager;vp sales;sales enablement manager | Outreach;Salesloft;Apollo;Groove;Mixmax;Yesware | new sdr team;outbound expansion;sales hiring | software;fintech;it_services;professional_services;telecommunications | 11-5000 | sales
clm | Contract lifecycle management | contract management;contract lifecycle management;clm;contract repository;contract review;legal operations software | general counsel;legal operations manager;contract manager;head of legal;procurement manager;paralegal | Ironclad;DocuSign CLM;Icertis;Agiloft;Conga;ContractWorks | contract backlog;new legal team;compliance audit | * | 201-100000 | legal
esignature | Electronic signature | electronic signature;e signature;esignature;digital signature;document signing;sign documents online | operations manager;legal operations manager;office manager;sales operations manager;hr manager;it manager | DocuSign;Adobe Acrobat Sign;Dropbox Sign;PandaDoc;SignNow;OneSpan | paperless initiative;remote work;contract volume | * | 11-5000 | operations
lms | Learning management system | learning management system;lms;corporate training;employee training;elearning;training platform;onboarding training | learning and development manager;head of learning;training manager;hr director;l&d specialist;enablement manager | Cornerstone;Docebo;TalentLMS;Moodle;SAP Litmos;360Learning | compliance training requirement;rapid hiring;upskilling program | * | 201-100000 | hr
ehr | Electronic health records | electronic health records;ehr;emr;electronic medical records;clinical documentation;patient records;practice management | cmio;chief medical information officer;clinical informatics manager;practice manager;health it director;cio | Epic;Cerner;Oracle Health;Meditech;Allscripts;athenahealth;eClinicalWorks | hospital merger;meaningful use;ehr end of life | healthcare | 11-100000 | clinical
telehealth | Telehealth platform | telehealth;telemedicine;virtual care;remote patient monitoring;video visits;virtual visits | director of virtual care;telehealth program manager;practice manager;cmio;cio;clinical operations director | Teladoc;Amwell;Doxy.me;Zoom for Healthcare;MDLive;VSee | virtual care program;rural expansion;payer mandate | healthcare | 11-100000 | clinical
pos | Point of sale | point of sale;pos;pos system;retail pos;restaurant pos;checkout terminals;in store payments | store operations manager;retail operations director;restaurant general manager;it director;head of retail;operations manager | Square POS;Toast;Lightspeed;Clover;NCR Aloha;Oracle Micros | new store openings;franchise expansion;legacy terminals | retail;food_beverage;hospitality;consumer_goods | 11-100000 | operations
wms | Warehouse management | warehouse management system;wms;warehouse management;inventory management;fulfillment software;pick pack ship;warehouse automation | warehouse manager;director of distribution;logistics manager;supply chain director;fulfillment manager;operations director | Manhattan Associates;Blue Yonder;SAP EWM;Oracle WMS;HighJump;Fishbowl | new distribution center;peak season;fulfillment errors | logistics;retail;ecommerce;manufacturing;consumer_goods;food_beverage | 51-100000 | operations
tms | Transportation management | transportation management system;tms;freight management;route optimization;shipping software;carrier management;load planning | transportation manager;logistics manager;supply chain director;freight manager;director of logistics;operations director | Oracle TMS;MercuryGate;Blue Yonder TMS;Descartes;e2open;McLeod | rising freight costs;new carriers;network expansion | logistics;manufacturing;retail;consumer_goods;food_beverage;automotive | 51-100000 | operations
fleet_management | Fleet management | fleet management;telematics;gps fleet tracking;vehicle tracking;eld;fleet maintenance;driver safety | fleet manager;director of fleet operations;transportation manager;safety manager;operations director;logistics manager | Samsara;Geotab;Verizon Connect;Motive;Omnitracs;Fleetio | eld mandate;fleet expansion;fuel costs | logistics;construction;energy_utilities;food_beverage;government | 11-100000 | operations
mes | Manufacturing execution system | manufacturing execution system;mes;shop floor control;production scheduling;oee;factory software;production tracking | plant manager;manufacturing engineer;director of manufacturing;operations excellence manager;production manager;vp operations | Siemens Opcenter;Rockwell FactoryTalk;Plex;Aveva MES;Tulip;Epicor Mattec | new plant;quality issues;industry 4.0 initiative | manufacturing;automotive;aerospace_defense;medical_devices;pharma_biotech;hardware;food_beverage | 51-100000 | operations
cmms | Maintenance management (CMMS/EAM) | cmms;computerized maintenance management;enterprise asset management;eam;preventive maintenance;work orders;asset maintenance | maintenance manager;reliability engineer;facilities manager;plant manager;director of maintenance;asset manager | IBM Maximo;UpKeep;Fiix;eMaint;Limble;SAP PM | unplanned downtime;new plant;asset audit | manufacturing;energy_utilities;logistics;healthcare;government;real_estate;food_beverage | 51-100000 | operations
field_service | Field service management | field service management;fsm;technician scheduling;dispatch software;mobile workforce;service scheduling | field service manager;service operations director;dispatch manager;director of service;operations manager;vp service | ServiceTitan;Salesforce Field Service;ServiceMax;Jobber;Housecall Pro;IFS | technician hiring;service expansion;missed appointments | construction;energy_utilities;telecommunications;manufacturing;real_estate;medical_devices | 11-100000 | operations
property_management | Property management software | property management software;property management;tenant management;lease management;rent collection;facilities portal | property manager;director of property management;asset manager;real estate operations manager;leasing manager;facilities director | Yardi;AppFolio;MRI Software;RealPage;Buildium;Entrata | portfolio acquisition;new properties;tenant complaints | real_estate | 11-100000 | operations
contact_center | Contact center software | contact center;ccaas;call center software;cloud contact center;ivr;omnichannel contact center;workforce management | contact center director;call center manager;head of customer experience;workforce management analyst;customer service director;vp customer service | Genesys;Five9;NICE CXone;Talkdesk;Avaya;Amazon Connect | call volume growth;avaya end of life;customer experience initiative | banking;insurance;telecommunications;retail;healthcare;hospitality;energy_utilities | 201-100000 | support
ucaas | Business phone system (UCaaS) | business phone system;voip;ucaas;unified communications;cloud phone system;pbx replacement;phone system | it manager;it director;office manager;telecom manager;head of it;network administrator | RingCentral;8x8;Zoom Phone;Vonage;Mitel;Cisco Call Manager | office move;pbx end of life;remote work | * | 11-5000 | it
backup_dr | Backup and disaster recovery | backup;disaster recovery;data backup;business continuity;backup and recovery;ransomware recovery | it manager;infrastructure manager;systems administrator;it director;backup administrator;ciso | Veeam;Commvault;Rubrik;Cohesity;Veritas NetBackup;Datto | ransomware attack;outage;audit findings | * | 51-100000 | it
network_security | Network security and SASE | network security;firewall;sase;zero trust network access;ztna;secure web gateway;vpn replacement;sd wan | network security engineer;network manager;ciso;it director;network architect;security architect | Palo Alto Networks;Fortinet;Zscaler;Cisco ASA;Check Point;Netskope | remote work;zero trust initiative;firewall end of life | * | 51-100000 | security
itsm | IT service management | it service management;itsm;it help desk;it ticketing;service desk;it asset management;change management | it service manager;service desk manager;it operations manager;it director;head of it;itsm process owner | ServiceNow;Jira Service Management;BMC Remedy;Ivanti;Freshservice;ManageEngine ServiceDesk | it team growth;merger;itil initiative | * | 201-100000 | it
mdm | Device management (MDM/UEM) | mobile device management;mdm;unified endpoint management;uem;device management;laptop management;byod | it manager;systems administrator;end user computing manager;it director;desktop support manager;head of it | Jamf;Microsoft Intune;VMware Workspace ONE;Kandji;Hexnode;MobileIron | remote work;device refresh;security audit | * | 51-100000 | it
cdp | Customer data platform | customer data platform;cdp;customer data;identity resolution;audience segmentation;first party data;single customer view | marketing technology manager;head of crm marketing;director of data;marketing operations manager;cmo;head of growth | Segment;mParticle;Tealium;Adobe Real-Time CDP;Salesforce Data Cloud;Bloomreach | cookie deprecation;personalization initiative;new data team | ecommerce;retail;media;consumer_goods;hospitality;fintech;banking | 201-100000 | marketing
web_cms | Web content management | content management system;cms;headless cms;website platform;website redesign;web content management;digital experience platform | web manager;digital marketing manager;head of digital;website manager;content manager;marketing director | WordPress;Adobe Experience Manager;Contentful;Sitecore;Drupal;Webflow | website redesign;rebrand;site migration | * | 11-100000 | marketing
social_media | Social media management | social media management;social listening;social media scheduling;social publishing;community management;influencer marketing | social media manager;head of social;community manager;brand manager;digital marketing manager;communications director | Hootsuite;Sprout Social;Sprinklr;Buffer;Brandwatch;Later | rebrand;product launch;brand crisis | consumer_goods;retail;ecommerce;media;hospitality;food_beverage;marketing_advertising | 11-100000 | marketing
customer_feedback | Customer feedback and surveys | customer feedback;survey software;nps;voice of the customer;customer experience management;csat surveys;feedback platform | customer insights manager;cx manager;head of customer experience;research manager;product manager;customer success director | Qualtrics;Medallia;SurveyMonkey;Typeform;Delighted;Alchemer | churn increase;cx initiative;new product | * | 51-100000 | support
grc | Compliance and GRC automation | grc;governance risk and compliance;compliance automation;soc 2;iso 27001;risk management software;audit management | compliance manager;head of compliance;grc analyst;ciso;risk manager;internal audit director | Vanta;Drata;OneTrust;ServiceNow GRC;AuditBoard;LogicGate | soc 2 audit;enterprise customers;new regulation | software;fintech;banking;insurance;healthcare;it_services | 11-100000 | security
tax_compliance | Sales tax and VAT compliance | sales tax software;tax compliance;vat compliance;indirect tax;tax automation;sales tax calculation | tax manager;head of tax;controller;cfo;tax director;finance manager | Avalara;Vertex;TaxJar;Sovos;Thomson Reuters ONESOURCE;Anrok | wayfair nexus;international expansion;audit | ecommerce;retail;software;consumer_goods;manufacturing | 11-100000 | finance
billing | Subscription billing | subscription billing;recurring billing;billing platform;invoicing;usage based billing;revenue recognition;quote to cash | billing manager;revenue operations manager;controller;cfo;finance operations manager;head of finance | Zuora;Chargebee;Recurly;Stripe Billing;Maxio;Sage Intacct Billing | pricing change;usage based pricing;revenue growth | software;media;telecommunications;fintech | 11-5000 | finance
conversational_ai | Conversational AI and chatbots | chatbot;conversational ai;virtual agent;ai assistant;live chat;customer service automation;generative ai agent | head of customer experience;digital transformation director;customer support manager;cx manager;head of digital;innovation manager | Ada;Drift;LivePerson;Intercom Fin;Kore.ai;IBM Watson Assistant | ticket volume growth;ai initiative;cost reduction program | banking;insurance;telecommunications;retail;ecommerce;software;hospitality | 51-100000 | support
video_conferencing | Video conferencing and meeting rooms | video conferencing;meeting room systems;video meetings;webinar platform;conference room technology;hybrid meetings | it manager;workplace experience manager;it director;facilities manager;av manager;head of it | Zoom;Cisco Webex;Microsoft Teams Rooms;GoTo Meeting;Poly;Logitech Rooms | office move;hybrid work policy;new offices | * | 51-100000 | it
energy_management | Energy management software | energy management;energy monitoring;building energy management;sustainability reporting;carbon accounting;esg reporting | sustainability manager;head of sustainability;energy manager;facilities director;esg manager;chief sustainability officer | Schneider EcoStruxure;Persefoni;Watershed;Sphera;EnergyCAP;Siemens Navigator | esg disclosure requirement;net zero commitment;energy costs | manufacturing;real_estate;retail;energy_utilities;logistics;food_beverage;consumer_goods | 201-100000 | operations
legal_practice | Legal practice management | legal practice management;law practice management;legal billing;matter management;legal case management;time tracking for lawyers | managing partner;legal operations manager;law firm administrator;general counsel;office manager;legal it manager | Clio;MyCase;PracticePanther;Elite 3E;Aderant;Smokeball | firm growth;new partners;billing errors | legal;professional_services | 11-5000 | legal
`;

// More products per category (competing or legacy tools buyers run or replace), beyond the rows above.
const MORE_TOOLS: Record<string, string> = {
  crm: 'Freshsales;Copper;Insightly;Keap;Microsoft Dynamics CRM;Zendesk Sell;Close CRM;Monday Sales CRM',
  helpdesk: 'Zoho Desk;Salesforce Service Cloud;Kustomer;Gladly;HappyFox;Re:amaze;LiveAgent',
  marketing_automation:
    'Marketing Cloud Account Engagement;Salesforce Marketing Cloud;Klaviyo;Braze;Iterable;Customer.io;Act-On;SharpSpring;Constant Contact;Campaign Monitor',
  erp: 'SAP Business One;Microsoft Dynamics GP;Microsoft Dynamics AX;Dynamics 365 Business Central;Dynamics 365 Finance;Acumatica;Sage 100;Sage 300;Oracle E-Business Suite;JD Edwards;Infor CloudSuite;QAD;SYSPRO;Odoo;Oracle Fusion Cloud ERP',
  hris: 'UKG;UltiPro;Kronos;HiBob;Personio;Paycor;Zenefits;Justworks;Dayforce',
  payroll: 'UKG Pro;Paycor;Deel;Remote.com;Papaya Global;QuickBooks Payroll',
  ats: 'Jobvite;JazzHR;Ashby;Bullhorn;Teamtailor;Recruitee',
  accounting: 'Sage 50;Zoho Books;MYOB;Microsoft Dynamics GP;FloQast',
  expense_management: 'Certify;Chrome River;Rydoo;Pleo;Spendesk;Airbase',
  procurement: 'GEP SMART;Basware;Tradeshift;Oracle Procurement Cloud',
  endpoint_security: 'McAfee;Trellix;Trend Micro;ESET;Cylance;Bitdefender;Webroot;Kaspersky',
  siem: 'ArcSight;Exabeam;Securonix;Rapid7 InsightIDR;AlienVault',
  iam: 'Azure Active Directory;Azure AD;Active Directory;Auth0;JumpCloud;Duo Security;ForgeRock;Keycloak;Google Cloud Identity',
  data_warehouse: 'Azure Synapse;Oracle Exadata;Netezza;Vertica;Informatica;Talend',
  bi_analytics: 'MicroStrategy;Cognos;SAP BusinessObjects;ThoughtSpot;Metabase;Crystal Reports',
  observability: 'Splunk Observability;Honeycomb;Nagios;SolarWinds;Zabbix;Elastic Observability',
  project_management: 'Trello;Basecamp;ClickUp;Clarity PPM;Planview',
  collaboration: 'Yammer;Viva Engage;Workvivo;Staffbase;Jive',
  ecommerce_platform: 'Adobe Commerce;PrestaShop;Volusion;Squarespace Commerce;commercetools',
  payments: 'Checkout.com;Elavon;Fiserv;Global Payments;Chase Paymentech;Moneris',
  sales_engagement: 'HubSpot Sequences;Reply.io;Lemlist;Salesforce Sales Engagement',
  clm: 'Juro;LinkSquares;SpotDraft;Evisort;Contractbook;SirionLabs;Apttus',
  esignature: 'HelloSign;Adobe Sign;Zoho Sign;SignEasy',
  lms: 'Absorb LMS;Workday Learning;Blackboard;Canvas LMS;Lessonly;Skilljar',
  itsm: 'SysAid;TOPdesk;Cherwell;HaloITSM;Zendesk for IT;SolarWinds Service Desk',
  mdm: 'Citrix Endpoint Management;Mosyle;Addigy;Scalefusion;SOTI MobiControl',
  contact_center: 'Cisco UCCE;Dialpad;Aircall;8x8 Contact Center;Zendesk Talk',
  backup_dr: 'Acronis;Druva;Barracuda Backup;Carbonite;Arcserve',
  network_security: 'SonicWall;WatchGuard;Cisco Umbrella;Cloudflare Zero Trust;Juniper SRX',
  cdp: 'Treasure Data;ActionIQ;Amperity;Lytics;Twilio Segment',
  web_cms: 'Squarespace;Wix;Kentico;Optimizely CMS;HubSpot CMS;Umbraco',
  grc: 'Secureframe;Sprinto;MetricStream;Hyperproof',
  billing: 'Chargify;SaaSOptics;Ordway;Stripe Invoicing',
  ehr: 'NextGen;Greenway;Practice Fusion;Kareo;ModMed',
  wms: 'Infor WMS;Deposco;ShipHero;Korber;Softeon',
  tms: 'Trimble TMS;Transporeon;Kuebix;Alpega',
  fleet_management: 'Teletrac Navman;Azuga;KeepTruckin;Lytx',
  pos: 'Revel Systems;Heartland POS;Shopify POS',
  customer_feedback: 'InMoment;GetFeedback;Momentive',
  social_media: 'Khoros;Emplifi;Agorapulse;Meltwater',
};

function split(field: string | undefined): string[] {
  return (field ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '*');
}

export const CATEGORIES: Category[] = ROWS.trim()
  .split('\n')
  .map((line) => {
    const f = line.split('|').map((s) => s.trim());
    const [lo = '1', hi = '100000'] = (f[7] ?? '1-100000').split('-');
    return {
      id: f[0] ?? '',
      name: f[1] ?? '',
      synonyms: split(f[2]),
      personas: split(f[3]),
      tools: split(f[4]),
      moreTools: split(MORE_TOOLS[f[0] ?? '']),
      triggers: split(f[5]),
      industries: split(f[6]),
      minEmployees: Number(lo),
      maxEmployees: Number(hi),
      department: f[8] ?? '',
      departments: [f[8] ?? '', ...split(MORE_DEPARTMENTS[f[0] ?? ''])],
    };
  });

export const CATEGORY_BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

/** Technology name (compact key) -> categories it belongs to, and its display name. */
export const TECHNOLOGIES: Map<string, { name: string; categories: string[] }> = (() => {
  const m = new Map<string, { name: string; categories: string[] }>();
  for (const c of CATEGORIES) {
    for (const t of [...c.tools, ...c.moreTools]) {
      const key = compactKey(t);
      const entry = m.get(key) ?? { name: t, categories: [] };
      entry.categories.push(c.id);
      m.set(key, entry);
    }
  }
  for (const t of GENERAL_TECHNOLOGIES()) {
    const key = compactKey(t);
    if (!m.has(key)) m.set(key, { name: t, categories: [] });
  }
  return m;
})();

/** Common technologies that belong to no category here (noise in tech stacks). */
function GENERAL_TECHNOLOGIES(): string[] {
  return 'Google Workspace;Microsoft 365;Gmail;Google Analytics;Cloudflare;React;Node.js;Python;Java;PostgreSQL;MySQL;MongoDB;Kubernetes;Docker;Terraform;GitHub;Bitbucket;Figma;Canva;Zapier;Calendly;LinkedIn Sales Navigator;Dropbox;Box;1Password;LastPass;Loom;Miro;Airtable;Twilio;SendGrid;Segment Analytics;Hotjar;Optimizely;Google Ads;Meta Ads'.split(
    ';',
  );
}

/** Canonical technology key for filters and stacks ("HubSpot" and "hubspot crm" stay distinct). */
export function technologyKey(name: string): string {
  return compactKey(name);
}

// Vendor words that prefix many product names ("Microsoft Dynamics 365", "Oracle NetSuite"): the rest
// of the name is what people write. Not brands of one product on their own.
const VENDOR_PREFIXES = new Set(
  'microsoft oracle sap google amazon adobe ibm salesforce thomson cisco verizon siemens rockwell schneider aveva blue paypal zoom'.split(
    ' ',
  ),
);
// Leftovers too generic to name a product alone.
const GENERIC_REMAINDERS = new Set(
  'project teams health hcm wms tms pm ewm cms connect cloud commerce cloud commerce rooms security phone call manager field service data cloud real time cdp navigator opcenter factorytalk mes billing financials clm sign'.split(
    ' ',
  ),
);

/**
 * Other ways a product is written: without its vendor prefix ("dynamics 365", "netsuite", "entra id")
 * and, for a brand with several products, the brand alone ("hubspot"). Normalised word lists.
 */
export function toolAliases(name: string): string[][] {
  const ws = normalizeLabel(name).split(' ').filter(Boolean);
  const out: string[][] = [];
  if (ws.length >= 2 && VENDOR_PREFIXES.has(ws[0]!)) {
    const rest = ws.slice(1);
    if (!GENERIC_REMAINDERS.has(rest.join(' ')) && rest.join('').length >= 3) out.push(rest);
  }
  if (ws.length >= 2 && BRANDS.has(ws[0]!)) out.push([ws[0]!]);
  return out;
}

// Brands with several products here ("HubSpot CRM", "HubSpot Marketing Hub"): the brand alone names any
// of them. Common words that start product names ("Blue Yonder", "Elastic Security") are left out.
const BRANDS: Set<string> = (() => {
  const firsts = new Map<string, number>();
  for (const c of CATEGORIES)
    for (const t of [...c.tools, ...c.moreTools]) {
      const w = normalizeLabel(t).split(' ');
      if (w.length >= 2) firsts.set(w[0]!, (firsts.get(w[0]!) ?? 0) + 1);
    }
  const common = new Set(
    'blue new power global check elastic microsoft oracle sap google amazon adobe ibm cisco'.split(' '),
  );
  return new Set([...firsts].filter(([w, n]) => n >= 2 && w.length >= 3 && !common.has(w)).map(([w]) => w));
})();

/** Aliases that are a brand alone ("hubspot"): they name a product only when nothing follows them. */
const BRAND_ALIASES = new Set<string>();

/** Normalised alias (name or `toolAliases`) -> technology keys it names. */
const TOOL_ALIASES: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  const add = (alias: string, key: string) => {
    const list = m.get(alias) ?? [];
    if (!list.includes(key)) list.push(key);
    m.set(alias, list);
  };
  for (const [key, t] of TECHNOLOGIES) add(normalizeLabel(t.name), key);
  for (const [key, t] of TECHNOLOGIES) {
    for (const a of toolAliases(t.name)) {
      const alias = a.join(' ');
      // A brand alias never takes over a product that is literally named so ("jira", "zoom").
      if (!m.has(alias) || !TECHNOLOGIES.has(compactKey(alias))) {
        add(alias, key);
        if (a.length === 1 && BRANDS.has(alias)) BRAND_ALIASES.add(alias);
      }
    }
  }
  return m;
})();
const MAX_ALIAS_WORDS = Math.max(...[...TOOL_ALIASES.keys()].map((k) => k.split(' ').length));
/** First words of every alias: most words of a text start none, and are skipped at once. */
const ALIAS_FIRST_WORDS = new Set([...TOOL_ALIASES.keys()].map((k) => k.split(' ')[0]!));

/** Every written form of a known product (normalised) with the technology keys it names. */
export function toolAliasEntries(): [alias: string, keys: string[]][] {
  return [...TOOL_ALIASES.entries()];
}

/** Technology keys a written name stands for (possibly none). */
export function toolKeysForAlias(alias: string): string[] {
  return TOOL_ALIASES.get(alias) ?? [];
}

const resolvedMemo = new Map<string, string[]>();

/**
 * The known technologies a stack entry or a changed technology names, however it is written: the exact
 * name, or the longest known name or alias inside it ("Salesforce Sales Cloud" -> Salesforce,
 * "Adobe Marketo Engage" -> Marketo, "Dynamics 365 Sales" -> Microsoft Dynamics 365). [] if none.
 */
export function resolveTechnology(label: string): string[] {
  const memo = resolvedMemo.get(label);
  if (memo) return memo;
  let out: string[] = [];
  const exact = TECHNOLOGIES.has(compactKey(label)) ? [compactKey(label)] : [];
  if (exact.length > 0) out = exact;
  else {
    const ws = normalizeLabel(label).split(' ').filter(Boolean);
    let bestLen = 0;
    for (let i = 0; i < ws.length; i++) {
      if (!ALIAS_FIRST_WORDS.has(ws[i]!)) continue;
      for (let n = Math.min(MAX_ALIAS_WORDS, ws.length - i); n > bestLen - 1 && n >= 1; n--) {
        const alias = ws.slice(i, i + n).join(' ');
        const keys = TOOL_ALIASES.get(alias);
        // "Zoho Expense" is not every Zoho product: a brand alone counts only as the whole name.
        if (keys && BRAND_ALIASES.has(alias) && ws.length > 1) continue;
        if (keys && n > bestLen) {
          bestLen = n;
          out = keys;
          break;
        }
      }
    }
  }
  if (resolvedMemo.size > 50_000) resolvedMemo.clear();
  resolvedMemo.set(label, out);
  return out;
}

// Words in signal text that show a buyer acting (evaluating, replacing, implementing, budgeting).
export const INTENT_CUES = normalizeList(
  'choosing;choose;comparing;proposals;go live;renewal;not renew;alternatives;replacements;search for;requirements;evaluate;evaluating;evaluation;replace;replacing;replacement;migrate;migrating;migration;implement;implementing;implementation;rollout;roll out;selecting;selection;shortlist;shortlisting;rfp;request for proposal;rfi;tender;budget;budgeted;approved;switch;switching;consolidate;consolidating;modernize;modernizing;modernization;upgrade;upgrading;sunset;sunsetting;overhaul;rebuild;deploy;deploying;adopt;adopting;pilot;piloting;vendor;vendors;demo;demos;proof of concept;poc;looking for;searching for;moving off;move off;outgrown;outgrew;invest;investing;initiative;transformation;procure;procuring',
);

// Words that show a company already settled on what it runs (satisfied users, past projects): its
// mentions of a category are not buying intent.
export const SETTLED_CUES = normalizeList(
  'for years;for many years;since 2015;since 2016;since 2017;since 2018;since 2019;since 2020;since 2021;served us well;has served us;happy with;love using;inside out;backbone of;standardized on;standardised on;long time user;long time customer;successfully implemented;successfully completed;completed our;went live in;been on;are proud users;rely on;relies on',
);

// Words that mark a services firm selling the category (partners, consultancies, resellers) or a
// third party writing about someone else's purchase.
export const SERVICES_CUES = normalizeList(
  'our clients;for our clients;for clients;client projects;client project;client sites;client site;client facing;client engagements;client wins;client portfolio;client organisations;client organizations;customer organisations;customer organizations;customers of our;our practice;practice lead;reseller;resellers;authorised reseller;authorized reseller;value added reseller;var partner;gold partner;premier partner;platinum partner;silver partner;elite partner;preferred partner;partner of the year;implementation partner;consulting partner;solutions partner;solution partner;partner program;our consultancy;consultancy;billable;consulting services;implementation services;advisory services;managed service;implementation specialists;systems integrator;system integrator;we implement;we deploy;we license;we resell;managed services provider;implementations for;rollouts for;rollout for;our consultants;certified consultants;on behalf of clients;with help from;sources say;according to sources;industry roundup;roundup;analyst note;reports that',
);

// Words that say a company is leaving what it runs ("migration off", "will not renew", "end of life").
export const LEAVING_CUES = normalizeList(
  'replace;replacing;replacement;replacements;replaced;migrate;migrating;migration;migrate off;moving away;move away;moving off;move off;switch;switching;switch away;sunset;sunsetting;retire;retiring;decommission;decommissioning;phase out;phasing out;exit;exiting;drop;drops;dropping;ditch;ditching;leave;leaving;not renew;will not renew;wont renew;won t renew;non renewal;up for renewal;contract ends;contract expires;expires;expiring;outgrown;outgrew;outgrowing;alternative to;alternatives;instead of;end of life;end of support;rip and replace;frustrated with;unhappy with;moving from;move from;transition away;transition from',
);

// A news item about someone buying ("X selects Y"): a purchase verb. Together with the company's own
// name missing from it, the item is about another company's purchase.
export const PURCHASE_VERBS = normalizeList(
  'selects;selected;picks;picked;chooses;chose;signs deal;signs multi year deal;signs a multi year deal;goes live on;went live on;deploys;rolls out;replaced;replaces;switches to;moves to;adopts;standardizes on',
);

// Departments as written in data (hiring, job posts) -> the taxonomy's department of a category.
const DEPARTMENT_ROWS = `
sales | sales;revenue;business development;sales operations;revenue operations;inside sales;sales development
marketing | marketing;demand generation;growth;marketing operations;brand;communications
support | support;customer support;customer service;customer care;customer experience;cx;service desk;customer success
finance | finance;accounting;treasury;fp and a;financial planning;controllership;finance operations
hr | hr;human resources;people;people operations;talent;talent acquisition;recruiting;recruitment;people and culture;hr operations
it | it;information technology;it operations;infrastructure;tech support;end user computing
security | security;information security;infosec;cybersecurity;cyber security;security operations
engineering | engineering;r and d;research and development;software engineering;product engineering;platform;devops
data | data;analytics;business intelligence;bi;data science;data engineering;insights
legal | legal;compliance;legal operations;contracts;general counsel
operations | operations;ops;supply chain;logistics;warehouse;facilities;manufacturing;production;field operations
ecommerce | ecommerce;e commerce;digital commerce;online sales
clinical | clinical;nursing;medical;clinical operations;patient care
`;

/** Normalised department label -> taxonomy department. */
const DEPARTMENT_BY_LABEL: Map<string, string> = new Map(
  DEPARTMENT_ROWS.trim()
    .split('\n')
    .flatMap((line) => {
      const [dept = '', labels = ''] = line.split('|').map((x) => x.trim());
      return labels.split(';').map((l) => [normalizeLabel(l), dept] as [string, string]);
    }),
);

/** The taxonomy department a written department names ("Customer Service" -> support), or null. */
export function departmentOf(label: string | null): string | null {
  if (!label) return null;
  const key = normalizeLabel(label.replace(/&/g, ' and '));
  const direct = DEPARTMENT_BY_LABEL.get(key);
  if (direct) return direct;
  // "Customer Service team", "Sales & Marketing": the first known label inside it.
  const ws = key.split(' ');
  for (let n = Math.min(3, ws.length); n >= 1; n--)
    for (let i = 0; i + n <= ws.length; i++) {
      const d = DEPARTMENT_BY_LABEL.get(ws.slice(i, i + n).join(' '));
      if (d) return d;
    }
  return null;
}

/** Every department label (normalised), for spotting departments named in text. */
export function departmentLabels(): [label: string, dept: string][] {
  return [...DEPARTMENT_BY_LABEL.entries()];
}

// Words in signal text that mark a seller of the category rather than a buyer.
export const VENDOR_CUES = normalizeList(
  'leading provider;provider of;we build;we help;our customers;our platform;trusted by;free trial;start free;book a demo;request a demo;pricing;award winning;market leader;our solution;our software;customers worldwide;powering;built for teams;sign up;integrates with;api first;g2 leader;named a leader;magic quadrant;partner program;resellers;sell our;our product',
);

function normalizeList(list: string): string[] {
  return list.split(';').map((s) => normalizeLabel(s));
}
