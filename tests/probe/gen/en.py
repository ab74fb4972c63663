from common import *

write("en-p01", "en", "Shymkent police officer detained taking 500,000 tenge bribe", """
Tengrinews.kz
Home / Kazakhstan News
14 March 2024, 12:45
Share
Shymkent police officer caught taking bribe

A police officer in Shymkent was detained red-handed while taking a bribe of 500,000 tenge, the Anti-Corruption Agency said on Thursday.

According to the agency, the officer of the city's migration police demanded the money from a foreign national in exchange for not deporting him for overstaying his visa. He was detained immediately after receiving the cash near a cafe in the Al-Farabi district.

A pre-trial investigation has been launched. The suspect has been placed in a temporary detention facility.
""", [inc("KZ", ["KZ-79"], "bribery", "detained", [500000], KZT(500000), stage_alt=["investigated"])])

write("en-p02", "en", "Former Taldykorgan police chief sentenced for embezzling 12 million tenge; cut", """
Kazinform
Date: 02.11.2023
Former police chief sentenced for embezzlement in Taldykorgan

TALDYKORGAN. KAZINFORM – A court in Taldykorgan has sentenced the former head of the logistics department of the regional police to six years in prison for embezzling budget funds, the press service of the Jetisu regional court reports.

The court established that in 2021-2022 the official, together with the director of a private company, signed acts for fuel and spare parts for police vehicles that were never delivered. The damage to the state amounted to 12 million tenge.

The former police colonel did not admit guilt, claiming he had signed the documents without checking them. However, the court relied on the testimony of his subordinates and the results of an audit, which showed that the fuel cards were used by relatives of the company director.

In addition to imprisonment, the court banned the convict from holding positions in the civil service for life and ordered him to compensate the full damage. The director of the company received a suspended sentence of three years after he pleaded guilty and repaid part of the damage.

The verdict has not yet entered into legal force and may be appealed. The defence said it would file an appeal to the regional court. Earlier, the same court sentenced a former district police inspector to four years for extorting money from local farmers, Kazinform reported. Local residents and civil activists say the region needs more transparency in police procurement, and have urged the authorities to publish all contracts online. The regional police department declined to comment on the case.
""", [inc("KZ", ["KZ-33"], "theft", "sentenced", [12000000], KZT(12000000), stage_alt=["convicted"], note="the earlier inspector case is a retold 'earlier' mention; not labelled? it is a real prior case briefly mentioned -> optional")
      , inc("KZ", ["KZ-33"], "bribery", "sentenced", optional=True, note="'Earlier, ... sentenced a former district police inspector ... for extorting money' — a back-reference")], trunc=True)

write("en-p03", "en", "Samarkand traffic inspector caught with $300 bribe (UZ)", """
Kun.uz
Samarkand traffic police inspector caught taking $300 bribe
15:20 / 11.01.2024

An inspector of the Road Patrol Service (DPS) in Samarkand region was detained by State Security Service officers while receiving $300 from a driver, the SGB press service said.

The inspector reportedly demanded the money for returning a confiscated driver's licence. A criminal case has been opened under the article on bribery.
""", [inc("UZ", [None], "bribery", "detained", None, CUR(300, "USD"), stage_alt=["investigated"], optional=True)])

write("en-p04", "en", "Osh police officer detained for extorting 50,000 soms (KG)", """
AKIpress
Police officer detained for extortion in Osh
Bishkek, Feb. 15 / AKIpress /. A police officer of the Osh city internal affairs department has been detained on suspicion of extorting 50,000 soms from a local resident, the State Committee for National Security (GKNB) said.

The officer allegedly threatened to open a drug case against the man if he did not pay. The money was handed over in a car. A criminal case has been opened.
""", [inc("KG", [None], "bribery", "detained", None, CUR(50000, "KGS"), stage_alt=["investigated"], optional=True)])

write("en-p05", "en", "Man died in custody at Aktobe police station; two officers suspended", """
The Astana Times
Share
Investigation launched after man dies in police custody in Aktobe
By Aida Nurpeisova, 7 December 2023

AKTOBE – A 29-year-old man died in custody at a police station in Aktobe on Dec. 5, prompting an investigation by the regional prosecutor's office, which will look into possible torture and negligence by officers.

The man had been detained for a minor administrative offense. Relatives say he was healthy when detained. Two officers on duty that night have been suspended pending the outcome of the internal investigation, the regional police department said.
""", [inc("KZ", ["KZ-15"], "death", "investigated", stage_alt=["disciplined"], offense_alt=["violence", "negligence"])])

write("en-p06", "en", "Drunk Kostanay police officer crashed his car; dismissed", """
Kostanay police officer dismissed after drunk-driving crash
Date: 19.08.2023

An officer of the Kostanay city police department has been dismissed after he crashed his private car into a parked minivan while drunk, the regional police department said.

The officer, a senior lieutenant, was off duty at the time. A medical examination confirmed alcohol intoxication. No one was injured. The officer was stripped of his driving licence for seven years and dismissed on negative grounds; his supervisors face disciplinary action.
""", [inc("KZ", ["KZ-39"], "traffic", "disciplined")])

write("en-p07", "en", "Negative: judge and anti-corruption officer detained in Almaty", """
Home / News / Society
Almaty judge detained on bribery charges
10:12, 5 April 2024

A judge of the Almaty district court has been detained on suspicion of taking a bribe of $20,000 for a lenient sentence, the Anti-Corruption Agency said. In a separate case, an officer of the agency's own department in Almaty region was detained for leaking operational information to a businessman for 3 million tenge.

Both suspects have been placed in custody. Pre-trial investigations are under way.
""", [])

write("en-p08", "en", "Negative: police seize heroin and detain drug dealers in Almaty", """
Almaty police detain drug dealers, seize 5 kg of heroin
Date: 12.06.2024

Police officers in Almaty have detained three suspected drug dealers and seized more than five kilograms of heroin, the city police department said.

The suspects, aged 24 to 35, were detained during a special operation in the Alatau district. Police also found scales and packaging materials in a rented apartment. A pre-trial investigation has been launched for drug trafficking, and the suspects have been placed in a temporary detention facility.
""", [])

write("en-p09", "en", "Negative: police reform - body cameras, new training", """
Kazakhstan to equip all patrol police with body cameras by 2025
Share
ASTANA, 3 March 2024 – The Ministry of Internal Affairs plans to equip every patrol officer with a body-worn camera by the end of 2025 in an effort to reduce corruption and abuse of power, Deputy Minister said at a government meeting.

According to him, the cameras will record every contact with citizens, and the footage will be stored for 90 days. The ministry also announced a new ethics training programme for police cadets and a reform of the district police service aimed at bringing officers closer to residents.
""", [])

write("en-p10", "en", "Negative: driver rammed a police car in Pavlodar, officer injured", """
Home / Incidents
Driver rams police car in Pavlodar, officer injured
22:05, 8 February 2024

A drunk driver rammed a patrol police car in Pavlodar on Thursday evening, injuring a police officer, the regional police department said.

The 41-year-old driver tried to escape after officers signalled him to stop. During the chase, he hit the patrol vehicle. The officer was hospitalised with a concussion. The driver was detained; a criminal case has been opened for use of violence against a representative of authority.
""", [])

write("en-p11", "en", "Zhezkazgan police investigator charged with falsifying evidence (Ulytau)", """
Zhezkazgan police investigator charged with planting evidence
Date of publication: 27.09.2023

A police investigator in Zhezkazgan has been charged with falsifying evidence in a drug case, the regional prosecutor's office said.

According to prosecutors, the investigator planted a package of marijuana in the car of a local resident to report a solved case. The resident was held in custody for two months before the falsification was uncovered. The investigator has been suspended and charged with abuse of office and falsification of evidence.
""", [inc("KZ", ["KZ-62"], "abuse_of_power", "charged", stage_alt=["disciplined"])])

write("en-p12", "en", "Negative: fraudsters posing as police officers in Karaganda", """
Karaganda residents warned about fraudsters posing as police
14:40, 22 April 2024

Karaganda police have warned residents about a new fraud scheme in which criminals call people posing as police officers and ask them to transfer money to a "safe account". Over the past month, residents of the region have lost more than 40 million tenge to such calls.

"Real police officers never ask for money transfers," the regional police department said.
""", [])

write("en-p13", "en", "Uralsk police officer charged with stealing seized goods; cut", """
Uralsk police officer accused of stealing confiscated cigarettes
Date: 14.05.2024
Share

An officer of the Uralsk city police department has been charged with theft of seized goods worth 4.5 million tenge, the West Kazakhstan regional police department said on Tuesday.

According to the investigation, the officer was responsible for the storage room where items confiscated during raids were kept. Over several months, he took boxes of smuggled cigarettes and alcohol out of the room and sold them through acquaintances at local markets. The shortage was discovered during an inventory check in April.

The officer has been dismissed from the internal affairs bodies and charged with misappropriation. He has been placed under house arrest. Investigators are checking whether other employees were involved in the scheme and whether the storage room's records were falsified.

The regional police department said that it has tightened control over the storage of seized property, and that all storage rooms in the region would be inspected over the next month. Recently, a similar case was reported in Aktobe, where two officers were detained for selling confiscated alcohol. In that case, the damage was estimated at 2 million tenge and the officers were dismissed. Human rights activists note that theft of evidence undermines trust in criminal cases, since the missing goods may be evidence that a court never sees. The police have promised to publish the results of the inspection.
""", [inc("KZ", ["KZ-27"], "theft", "charged", [4500000], KZT(4500000), stage_alt=["disciplined"]),
      inc("KZ", ["KZ-15"], "theft", "detained", [2000000], KZT(2000000), stage_alt=["disciplined"], optional=True, note="Aktobe 'similar case' in passing")], trunc=True)
