from common import *

write("ru-p23", "ru", "Negative: court sentenced a resident for assaulting a police officer in Shymkent", """
Главная / Новости / Происшествия
Шымкентца осудили за нападение на полицейского
09:30, 16 января 2024

Суд Шымкента приговорил 29-летнего местного жителя к трём годам лишения свободы за применение насилия в отношении представителя власти. Как установил суд, в августе прошлого года мужчина, находясь в состоянии алкогольного опьянения, ударил участкового инспектора полиции, который прибыл по вызову соседей, и сломал ему нос.

Подсудимый вину признал. Приговор не вступил в законную силу.
""", [])

write("ru-p24", "ru", "Negative: police officer saved a drowning child, awarded", """
Полицейский спас тонущего ребёнка в Усть-Каменогорске
Дата публикации: 24.07.2023

В Усть-Каменогорске сотрудник патрульной полиции спас шестилетнего мальчика, который тонул в реке Ульба. Старший сержант полиции, находившийся на маршруте, услышал крики и бросился в воду. Ребёнок передан родителям, его жизни ничего не угрожает. Начальник департамента полиции Восточно-Казахстанской области наградил полицейского почётной грамотой.
""", [])

write("ru-p25", "ru", "Negative: road accident in Atyrau, drunk civilian driver, police arrived", """
Поделиться
Два человека погибли в ДТП под Атырау
21:10, 30 июня 2024

На трассе Атырау – Доссор столкнулись два автомобиля. Два человека погибли на месте, ещё трое госпитализированы. Прибывшие на место сотрудники полиции установили, что водитель «Лады», выехавший на встречную полосу, находился в состоянии алкогольного опьянения. Он задержан, начато досудебное расследование по статье «Нарушение правил дорожного движения, повлёкшее по неосторожности смерть двух лиц».
""", [])

write("ru-p26", "ru", "Fergana DAN inspector detained for 5 million sum bribe (UZ)", """
Kun.uz
Инспектор ДАН в Фергане задержан при получении 5 млн сумов
12:05 / 08.02.2024

Сотрудники СГБ задержали инспектора службы дорожного движения (ДАН) УВД Ферганской области при получении 5 млн сумов от водителя, у которого изъяли права. Возбуждено уголовное дело по статье «Получение взятки».
""", [inc("UZ", [None], "bribery", "detained", None, CUR(5000000, "UZS"), stage_alt=["investigated"], optional=True)])

write("ru-p27", "ru", "Negative: former Almaty region prosecutor and a judge convicted for bribery", """
Главная / Новости / Казахстан
Бывшего прокурора района осудили за взятку
14:50, 12 марта 2024

Бывшего прокурора Илийского района Алматинской области приговорили к семи годам лишения свободы за получение взятки в 10 миллионов тенге. По данным Антикора, он требовал деньги у бизнесмена за прекращение проверки. Вместе с ним осуждён судья, получивший часть суммы.
""", [])

write("ru-p28", "ru", "Rudny police chief detained for exceeding authority; related-news teaser at end", """
В Рудном начальника отдела полиции подозревают в превышении полномочий
Дата публикации: 07.11.2023

В Рудном Костанайской области задержан начальник отдела полиции. По данным прокуратуры, он незаконно удерживал в отделе местного жителя более суток без составления протокола и оказывал давление, требуя дать показания против знакомого.

Начато досудебное расследование по статье «Превышение власти или должностных полномочий». Подозреваемый помещён в ИВС.

Читайте также:
В Лисаковске полицейский попался на взятке в 200 тысяч тенге
В Аркалыке осудили участкового за мошенничество
""", [inc("KZ", ["KZ-39"], "abuse_of_power", "detained", stage_alt=["investigated"])])

write("ru-p29", "ru", "Negative: district officer died in road accident (police is victim)", """
Участковый погиб в ДТП в Жамбылской области
Дата публикации: 15.01.2024

На трассе Тараз – Шу в Жамбылской области погиб участковый инспектор полиции. Его служебный автомобиль столкнулся с грузовиком, водитель которого уснул за рулём. Водитель грузовика задержан. Руководство департамента полиции выразило соболезнования семье погибшего.
""", [])

write("ru-p30", "ru", "'Силовик' detained for extortion in Almaty — ambiguous, optional", """
В Алматы задержан силовик, вымогавший 5 миллионов тенге
15:20, 4 июня 2024

В Алматы задержан сотрудник правоохранительных органов, который, по данным следствия, вымогал 5 миллионов тенге у предпринимателя, угрожая возбудить уголовное дело. Силовика задержали с поличным. Начато досудебное расследование.
""", [inc("KZ", ["KZ-75"], "bribery", "detained", [5000000], KZT(5000000), stage_alt=["investigated"], optional=True, note="'силовик' not said to be police")])

write("en-p14", "en", "Negative: interior ministry yearly statistics in English", """
Home / News
312 police officers dismissed in 2023, Interior Ministry says
Share
ASTANA, 30 January 2024 – In 2023, 312 police officers were dismissed from the internal affairs bodies for misconduct and 1,870 faced disciplinary penalties, Interior Minister said at the ministry's board meeting. Criminal cases were opened against 104 employees, mainly for bribery and fraud.

The minister said the figures showed that the ministry was "getting rid of those who discredit the uniform".
""", [], statistics=[{"period": "2023", "measure": "dismissed", "value": 312}, {"period": "2023", "measure": "disciplined", "value": 1870}, {"period": "2023", "measure": "criminal_cases", "value": 104}])

write("en-p15", "en", "Bishkek police officer detained for fraud, $1,500 (130,000 soms) (KG)", """
24.kg
Police officer detained for fraud in Bishkek
BISHKEK. March 5 (24.kg) - An officer of the Pervomaisky District Internal Affairs Department of Bishkek has been detained on suspicion of fraud, the Interior Ministry's internal security service reported.

According to investigators, the police officer promised a local resident to help his brother avoid criminal liability and received $1,500 (130,000 soms) for it. A criminal case has been opened.
""", [inc("KG", [None], "fraud", "detained", None, CUR(1500, "USD"), stage_alt=["investigated"], optional=True)])

write("en-p16", "en", "Negative: gunman shot dead a police officer in Taraz", """
Police officer shot dead in Taraz, gunman detained
Date: 10.10.2023

A police officer was shot dead in Taraz on Monday night while checking documents at a checkpoint, the Jambyl regional police department said. The gunman, a 35-year-old resident, was detained after a chase. A criminal case has been opened for the murder of a law enforcement officer.
""", [])

write("kk-p12", "kk", "Negative: police officer saved drowning child in Kazakh", """
Басты бет / Қоғам
Полицей суға батып бара жатқан баланы құтқарды
18:30, 2 шілде 2024

Павлодарда патрульдік полиция қызметкері Ертіс өзеніне батып бара жатқан 7 жастағы баланы құтқарып қалды. Облыстық полиция департаментінің басшысы полицейді марапаттады.
""", [])

write("kk-p13", "kk", "Satpayev police officer charged with extortion of 100k tenge (Ulytau)", """
Сәтбаев қаласында полицей 100 мың теңге бопсалады деп айыпталды
Жарияланған күні: 19.06.2024

Сәтбаев қаласының полиция бөлімінің қызметкеріне қызмет бабын пайдаланып, тұрғыннан 100 мың теңге бопсалады деген айып тағылды. Тергеу мәліметінше, ол жәбірленушіге қатысты әкімшілік іс қозғаймын деп қорқытып, ақша талап еткен. Іс сотқа жолданды.
""", [inc("KZ", ["KZ-62"], "bribery", "charged", [100000], KZT(100000), stage_alt=["trial"], offense_alt=["abuse_of_power"])])
