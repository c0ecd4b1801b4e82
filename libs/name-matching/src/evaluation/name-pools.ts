// Names of the synthetic population the evaluation set is drawn from: common given names and family
// names of fifteen naming traditions, in the script their holders write them. Written for this
// evaluation from general knowledge of frequent names (no list was copied). Each pool is ordered roughly
// by frequency: the generator draws early names more often, as real populations do.

export type CultureCode =
  'en' | 'es' | 'pt' | 'fr' | 'de' | 'nl' | 'nordic' | 'pl' | 'ro' | 'tr' | 'vi' | 'ru' | 'uk' | 'el' | 'ar';

export interface Culture {
  readonly code: CultureCode;
  readonly script: 'latin' | 'cyrillic' | 'greek' | 'arabic';
  /** Share of the population (travellers and listed persons alike). */
  readonly weight: number;
  readonly nationalities: readonly string[];
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly surnames: readonly string[];
}

const words = (text: string) => text.trim().split(/\s+/u);

export const CULTURES: readonly Culture[] = [
  {
    code: 'en',
    script: 'latin',
    weight: 14,
    nationalities: ['GBR', 'USA', 'CAN', 'AUS', 'IRL', 'NZL'],
    male: words(`James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
      Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald
      Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon
      Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry Harold Douglas Peter`),
    female: words(`Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy
      Betty Sandra Margaret Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie
      Dorothy Rebecca Sharon Laura Cynthia Amy Kathleen Angela Shirley Brenda Emma Pamela Nicole
      Samantha Christine Helen Rachel Carolyn Janet Heather Diane Julie Joyce Victoria Kelly Lauren`),
    surnames: words(`Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore
      Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott
      Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards
      Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward
      Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers Long Ross Foster Powell
      Jenkins Perry Russell Sullivan Butler Barnes Fisher Henderson Coleman Simmons Patterson Jordan
      Reynolds Hamilton Graham Wallace Cole West Stone Hayes O'Brien O'Connor McDonald MacLeod Fitzgerald
      Gallagher Kennedy Doyle Lynch Quinn Brennan Shaw Holmes Rice Knight Hunt Black Daniels Palmer Mills`),
  },
  {
    code: 'es',
    script: 'latin',
    weight: 10,
    nationalities: ['ESP', 'MEX', 'COL', 'ARG', 'PER', 'CHL', 'VEN'],
    male: words(`José Juan Antonio Manuel Francisco Luis Javier Miguel Carlos Jesús Ángel Alejandro Rafael
      Pedro Fernando Pablo Sergio Jorge Alberto Raúl Andrés Ramón Enrique Vicente Joaquín Íñigo Gonzalo
      Adrián Rubén Óscar Álvaro Víctor Emilio Julián Martín Ignacio Agustín Tomás Héctor Mateo Nicolás`),
    female: words(`María Carmen Ana Isabel Dolores Pilar Teresa Rosa Josefa Lucía Laura Cristina Marta
      Elena Sara Paula Raquel Beatriz Nuria Silvia Inés Mónica Sofía Ángela Begoña Concepción Mercedes
      Rocío Alba Julia Irene Verónica Patricia Lorena Ximena Valentina Camila Guadalupe Araceli`),
    surnames: words(`García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Jiménez
      Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez
      Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz
      Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez Cruz Calvo
      Gallego Herrera Márquez León Peña Flores Cabrera Campos Vega Fuentes Carrasco Reyes Caballero
      Nieto Aguilar Pascual Santana Herrero Montero Lorenzo Hidalgo Giménez Ibáñez Ferrer Durán Santiago
      Benítez Vargas Mora Arias Carmona Crespo Román Pastor Soto Sáez Velasco Moya Soler Parra Esteban
      Bravo Gallardo Rojas Echeverría Zúñiga Villanueva Quintana Salazar Espinoza Bustamante`),
  },
  {
    code: 'pt',
    script: 'latin',
    weight: 5,
    nationalities: ['PRT', 'BRA', 'AGO', 'MOZ'],
    male: words(`João José António Francisco Manuel Luís Pedro Paulo Carlos Rui Nuno Tiago Gonçalo Duarte
      Sebastião Simão Fábio Márcio Sérgio Vítor Rodrigo Henrique Diogo Bruno André Ricardo Joaquim`),
    female: words(`Maria Ana Conceição Fátima Inês Beatriz Leonor Mariana Joana Sofia Rita Catarina
      Margarida Cláudia Graça Luísa Patrícia Sónia Tânia Vânia Francisca Carolina Adriana Juliana`),
    surnames: words(`Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes
      Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira Correia Mendes
      Nunes Soares Vieira Monteiro Cardoso Rocha Raposo Neves Coelho Cunha Pires Ramos Reis Simões
      Antunes Matos Fonseca Araújo Magalhães Brandão Falcão Guimarães Barbosa Azevedo Castro Machado`),
  },
  {
    code: 'fr',
    script: 'latin',
    weight: 8,
    nationalities: ['FRA', 'BEL', 'CHE', 'CAN', 'SEN', 'CIV'],
    male: words(`Jean Pierre Michel André Philippe René Louis Alain Jacques Bernard Marcel Daniel Roger
      Robert Paul Claude Christian Henri Georges Nicolas François Frédéric Stéphane Sébastien Jérôme
      Jérémy Théo Noël Raphaël Benoît Gaëtan Loïc Hervé Thierry Olivier Laurent Mathieu Hugo Antoine`),
    female: words(`Marie Jeanne Françoise Monique Catherine Nathalie Isabelle Jacqueline Anne Sylvie
      Martine Nicole Christine Hélène Valérie Céline Émilie Chloé Léa Inès Zoé Éloïse Mélanie Séverine
      Aurélie Gaëlle Noémie Agnès Thérèse Béatrice Camille Manon Juliette Océane Margaux`),
    surnames: words(`Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent
      Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont
      Lambert Bonnet François Legrand Garnier Faure Rousseau Blanc Guérin Henry Roussel Perrin Morin
      Mathieu Clément Gauthier Dumont Fontaine Chevalier Robin Masson Gérard Boyer Denis Lemaire Duval
      Joly Roche Roy Noël Lucas Meunier Marchand Dufour Blanchard Barbier Brun Dumas Brunet Leroux Colin
      Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard
      Lacroix Fabre Dupuis Hubert Guillot Rivière Ménard Fleury Deschamps Carpentier Prévost Poirier`),
  },
  {
    code: 'de',
    script: 'latin',
    weight: 8,
    nationalities: ['D', 'AUT', 'CHE'],
    male: words(`Jürgen Günther Jörg Björn Uwe Klaus Hans Peter Michael Thomas Andreas Stefan Frank Markus
      Christian Matthias Tobias Lukas Maximilian Jonas Felix Sebastian Florian Dieter Wolfgang Horst
      Manfred Ralf Bernd Rüdiger Sören Jens Kai Lars Torsten Helmut Werner Heinz Karl-Heinz Götz`),
    female: words(`Ursula Sabine Petra Claudia Susanne Birgit Anja Katrin Julia Anna Lena Hannah Sophie
      Jutta Gisela Brigitte Renate Monika Andrea Nicole Stefanie Christina Käthe Bärbel Lea Marie
      Charlotte Emilia Franziska Dörte Heike Silke Ingrid Gudrun Hildegard Annegret`),
    surnames: words(`Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch
      Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange
      Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter
      Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller
      Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm
      Winter Kraus Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas
      Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Voigt Sauer
      Pfeiffer Göbel Großmann Weißenberger Nüßlein Löwe Strauß Fröhlich Jürgens Dürr Mößner`),
  },
  {
    code: 'nl',
    script: 'latin',
    weight: 3,
    nationalities: ['NLD', 'BEL'],
    male: words(`Jan Pieter Johannes Hendrik Cornelis Willem Gerrit Jacobus Dirk Maarten Sander Bram Daan
      Thijs Ruben Joost Bas Koen Sjoerd Wouter Jeroen Niels Stijn Arjen`),
    female: words(`Maria Johanna Anna Cornelia Wilhelmina Elisabeth Geertruida Hendrika Petronella Sanne
      Femke Lotte Anouk Eva Fleur Marieke Ilse Roos Esther Inge Mirjam`),
    surnames: [
      ...words(`Jansen Bakker Janssen Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer
        Dijkstra Smits Kok Jacobs Vermeulen Schouten Willems Hoekstra Maas Verhoeven Koster Prins Blom
        Huisman Peeters Kuipers Postma Kuiper Veenstra`),
      ...['de Jong', 'de Vries', 'van den Berg', 'van Dijk', 'de Boer', 'de Groot', 'van Leeuwen', 'de Wit'],
      ...['de Graaf', 'van der Meer', 'van der Linden', 'de Haan', 'van den Heuvel', 'van der Veen'],
      ...['van den Broek', 'de Bruijn', 'van der Heijden', 'van Beek', 'van Vliet', 'van de Ven', 'van Dam'],
      ...['van der Wal', 'de Jonge', 'van Wijk', 'van Rijn', "van 't Hof", 'ter Horst', 'ten Cate'],
    ],
  },
  {
    code: 'nordic',
    script: 'latin',
    weight: 4,
    nationalities: ['NOR', 'SWE', 'DNK', 'ISL', 'FIN'],
    male: words(`Søren Bjørn Jørgen Øystein Ørjan Åke Håkan Björn Göran Sven Lars Anders Erik Olav Magnus
      Nils Jens Rasmus Mikkel Þór Gunnar Sigurður Ólafur Jón Einar Stefán Halldór Kári Egill Jukka Mikko`),
    female: words(`Åsa Ingrid Sigrid Astrid Solveig Kjersti Mette Birgitte Linnéa Märta Ylva Gudrun Guðrún
      Sigríður Þóra Björk Ásdís Hildur Ragnheiður Maja Freja Signe Päivi Sinikka`),
    surnames: words(`Jørgensen Sørensen Møller Andersen Hansen Nielsen Pedersen Christensen Larsen Rasmussen
      Kristiansen Løkke Østergaard Ødegaard Åberg Ångström Öberg Löfgren Björklund Lindqvist Johansson
      Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jönsson Bergström
      Sjöberg Håkansson Dahl Haugen Bakke Solberg Strøm Jónsson Sigurðsson Guðmundsson Ólafsson Þórsson
      Magnússon Virtanen Mäkinen Hämäläinen Järvinen Nieminen`),
  },
  {
    code: 'pl',
    script: 'latin',
    weight: 5,
    nationalities: ['POL'],
    male: words(`Piotr Krzysztof Andrzej Tomasz Paweł Jan Michał Marcin Stanisław Jakub Adam Marek Łukasz
      Grzegorz Mateusz Wojciech Mariusz Dariusz Zbigniew Jerzy Józef Kazimierz Rafał Kamil Maciej
      Ryszard Przemysław Sławomir Bartłomiej Witold`),
    female: words(`Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Zofia Joanna
      Magdalena Monika Teresa Danuta Irena Jadwiga Halina Beata Aleksandra Dorota Jolanta Grażyna
      Bożena Urszula Łucja Żaneta`),
    surnames: words(`Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański
      Woźniak Dąbrowski Kozłowski Jankowski Mazur Wojciechowski Kwiatkowski Krawczyk Kaczmarek
      Piotrowski Grabowski Zając Pawłowski Michalski Król Wieczorek Jabłoński Wróbel Nowakowski
      Majewski Olszewski Stępień Malinowski Jaworski Adamczyk Dudek Nowicki Pawlak Górski Witkowski
      Walczak Sikora Baran Rutkowski Michalak Szewczyk Ostrowski Tomaszewski Pietrzak Marciniak
      Wróblewski Zalewski Jakubowski Jasiński Zawadzki Sadowski Bąk Chmielewski Włodarczyk Borkowski
      Czarnecki Sawicki Sokołowski Kubiak Szczepański Kucharski Kalinowski Wysocki Kaźmierczak
      Czerwiński Głowacki Kołodziej Brzeziński Ziółkowski Brzęczyszczykiewicz Wałęsa Łuczak Żak`),
  },
  {
    code: 'ro',
    script: 'latin',
    weight: 3,
    nationalities: ['ROU', 'MDA'],
    male: words(`Ștefan Ion Gheorghe Constantin Vasile Alexandru Mihai Andrei Florin Cătălin Răzvan Bogdan
      Ionuț Adrian Marius Dănuț Costel Sorin Cristian Lucian`),
    female: words(`Maria Elena Ioana Ana Mihaela Andreea Cristina Alexandra Gabriela Ionela Mirela Roxana
      Simona Oana Ștefania Anca Rodica Viorica Lăcrămioara`),
    surnames: words(`Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu
      Constantin Marin Lungu Florea Ștefănescu Țurcanu Dumitrescu Năstase Mărgineanu Vlădescu Tănase
      Moldovan Bălan Răducanu Țîrcă Șerban Ungureanu`),
  },
  {
    code: 'tr',
    script: 'latin',
    weight: 6,
    nationalities: ['TUR', 'D', 'AZE'],
    male: words(`Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan Halil
      Süleyman Abdullah Mahmut Salih Kemal Recep Fatih Emre Burak Çağlar Doğan Gökhan Şükrü Tuğrul Uğur
      Oğuz Barış Cem Kaan Serkan Volkan Tolga`),
    female: words(`Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Özlem Gülşen
      Büşra Esra Çiğdem Gül Yıldız Şule Derya Sevgi Ebru Aslı Tuğba Gülay Nazlı Dilek Özge`),
    surnames: words(`Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç
      Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can Acar Şen Aktaş
      Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Gül Özer Işık Kaplan Avcı Sarı Tekin Taş Köse
      Yüksel Ateş Aksoy Özbek Uçar Karakaya Ekinci Türkmen Çiftçi Erdem Kurtuluş`),
  },
  {
    code: 'vi',
    script: 'latin',
    weight: 3,
    nationalities: ['VNM'],
    male: words(`Minh Hùng Dũng Tuấn Thắng Hải Long Nam Phong Quang Đức Hoàng Khánh Trung Sơn Thành Huy Bảo
      Việt Cường Hiếu Tùng Phúc Vinh Thịnh`),
    female: words(`Lan Hương Mai Linh Ngọc Thu Hà Phương Trang Thảo Hạnh Hoa Yến Nhung Huyền Vân Oanh Dung
      Thủy Trinh Quyên Tuyết Diệp`),
    surnames: words(`Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh
      Mai Tô Lâm Quách`),
  },
  {
    code: 'ru',
    script: 'cyrillic',
    weight: 9,
    nationalities: ['RUS', 'BLR', 'KAZ'],
    male: words(`Александр Алексей Андрей Антон Артём Борис Вадим Валентин Василий Виктор Виталий Владимир
      Владислав Геннадий Георгий Григорий Дмитрий Евгений Егор Иван Игорь Кирилл Константин Леонид
      Максим Михаил Никита Николай Олег Павел Пётр Роман Руслан Сергей Станислав Степан Юрий Ярослав
      Фёдор Эдуард Тимур Глеб Аркадий Анатолий Семён Денис`),
    female: words(`Анастасия Анна Алина Валентина Валерия Вера Виктория Галина Дарья Екатерина Елена
      Елизавета Жанна Зоя Ирина Юлия Ксения Кристина Людмила Любовь Маргарита Марина Мария Наталья
      Надежда Нина Оксана Ольга Полина Светлана София Тамара Татьяна Ульяна Яна Эльвира Евгения Алёна`),
    surnames: words(`Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов
      Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров
      Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов
      Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов
      Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов
      Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов
      Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Щербаков
      Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов
      Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев
      Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов Громов Юдин
      Хохлов Жданов Шубин Зуев Щукин Хабибуллин Вишневский Чайковский Ковальский Высоцкий Юсупов`),
  },
  {
    code: 'uk',
    script: 'cyrillic',
    weight: 4,
    nationalities: ['UKR'],
    male: words(`Олександр Андрій Сергій Володимир Дмитро Іван Микола Василь Юрій Олег Богдан Тарас Петро
      Михайло Віктор Ігор Степан Остап Ярослав Євген Григорій Роман Максим Анатолій`),
    female: words(`Олена Наталія Ірина Оксана Тетяна Світлана Юлія Марія Ганна Людмила Катерина Ольга
      Галина Вікторія Анастасія Христина Леся Зоряна Софія Євгенія Надія Любов`),
    surnames: words(`Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Коваль Поліщук Бондар
      Мельник Ткачук Марченко Руденко Савченко Лисенко Петренко Мороз Клименко Павленко Кузьменко
      Гончаренко Левченко Харченко Карпенко Юрченко Литвиненко Сидоренко Гриценко Яковенко Костенко
      Тимошенко Кличко Зеленський Порошенко Гнатюк Ковальчук Захарченко Федоренко Єременко Пономаренко
      Їжакевич Стельмах Гаврилюк Яременко`),
  },
  {
    code: 'el',
    script: 'greek',
    weight: 3,
    nationalities: ['GRC', 'CYP'],
    male: words(`Γεώργιος Δημήτριος Κωνσταντίνος Ιωάννης Νικόλαος Παναγιώτης Βασίλειος Χρήστος Αθανάσιος
      Μιχαήλ Ευάγγελος Σπυρίδων Αντώνιος Αναστάσιος Θεόδωρος Ανδρέας Χαράλαμπος Αλέξανδρος Εμμανουήλ
      Ηλίας Σταύρος Πέτρος Στυλιανός Ελευθέριος Απόστολος Φώτιος Διονύσιος Γρηγόριος Λάμπρος Στέφανος
      Άγγελος Κυριάκος Παύλος Σωτήριος Ευθύμιος`),
    female: words(`Μαρία Ελένη Αικατερίνη Βασιλική Σοφία Αγγελική Γεωργία Δήμητρα Κωνσταντίνα Παρασκευή
      Ευαγγελία Χριστίνα Ιωάννα Αναστασία Ειρήνη Παναγιώτα Θεοδώρα Ευτυχία Αλεξάνδρα Δέσποινα
      Χρυσούλα Σταυρούλα Αθηνά Φωτεινή Κυριακή Ευδοκία Ζωή Νίκη Ουρανία`),
    surnames: words(`Παπαδόπουλος Παπαγεωργίου Οικονόμου Γεωργίου Βασιλείου Νικολάου Δημητρίου Ιωάννου
      Κωνσταντίνου Παπαδάκης Αθανασίου Χριστοδούλου Μακρής Ευαγγέλου Αντωνίου Αλεξίου Καραγιάννης
      Παπανικολάου Παπαδημητρίου Μιχαηλίδης Θεοδωρίδης Γεωργιάδης Ιωαννίδης Παπαϊωάννου Σταθόπουλος
      Κωνσταντινίδης Μαυρίδης Πετρίδης Νικολαΐδης Αναστασίου Κυριακίδης Λαμπράκης Μπακογιάννης Ντόκος
      Γκίκας Αγγελόπουλος Τσακαλώτος Βαρουφάκης Μητσοτάκης Τσίπρας Σαμαράς Καραμανλής Παπανδρέου
      Βενιζέλος Λαζαρίδης Χατζηδάκης Ζαχαρίου Ξενάκης Ψαρράς Φραγκιαδάκης Ευθυμίου Σπυρόπουλος
      Τριανταφύλλου Καλογεράκης Ευαγγελάτος`),
  },
  {
    code: 'ar',
    script: 'arabic',
    weight: 15,
    nationalities: ['EGY', 'SAU', 'JOR', 'SYR', 'IRQ', 'MAR', 'DZA', 'TUN', 'LBN', 'ARE', 'YEM', 'SDN'],
    // Arabic script, then the Latin spellings found in passports and lists (the first: English usage).
    male: words(`محمد|MOHAMMED,MUHAMMAD,MOHAMED,MOHAMMAD,MOHAMAD أحمد|AHMED,AHMAD,AHMET علي|ALI,ALY
      عمر|OMAR,UMAR خالد|KHALED,KHALID يوسف|YOUSSEF,YUSUF,YOUSEF,YOUSIF حسن|HASSAN,HASAN
      حسين|HUSSEIN,HUSSAIN,HUSAYN,HOSSEIN إبراهيم|IBRAHIM,EBRAHIM,IBRAHEEM عبدالله|ABDULLAH,ABDALLAH,ABDULLA
      عبدالرحمن|ABDULRAHMAN,ABDEL-RAHMAN,ABDUL-RAHMAN,ABDERRAHMANE محمود|MAHMOUD,MAHMUD
      مصطفى|MUSTAFA,MOSTAFA,MUSTAPHA سعيد|SAID,SAEED,SAYED طارق|TAREK,TARIQ,TARIK كريم|KARIM,KAREEM
      جمال|JAMAL,GAMAL,DJAMEL سمير|SAMIR,SAMEER وليد|WALID,WALEED,OUALID فيصل|FAISAL,FAYSAL,FAYCAL
      ناصر|NASSER,NASIR,NASER رشيد|RASHID,RACHID,RASHEED حمزة|HAMZA,HAMZAH زياد|ZIAD,ZIYAD
      ياسر|YASSER,YASIR,YASER عادل|ADEL,ADIL نبيل|NABIL,NABEEL هشام|HISHAM,HICHAM,HESHAM
      أسامة|OSAMA,USAMA,OUSSAMA بلال|BILAL,BELAL إسماعيل|ISMAIL,ISMAEL سليمان|SULEIMAN,SULAIMAN,SLIMANE
      منصور|MANSOUR,MANSUR عثمان|OTHMAN,OSMAN,UTHMAN صالح|SALEH,SALIH عماد|IMAD,EMAD فارس|FARES,FARIS
      مراد|MOURAD,MURAD أنس|ANAS عبدالعزيز|ABDULAZIZ,ABDELAZIZ,ABDUL-AZIZ ماجد|MAJED,MAJID
      جواد|JAWAD,JAOUAD,JAVAD رضا|REDA,RIDA,RIDHA`),
    female: words(`فاطمة|FATIMA,FATMA,FATIMAH عائشة|AISHA,AICHA,AYESHA مريم|MARYAM,MERIEM,MARIAM
      خديجة|KHADIJA,KHADIDJA,KHADIJAH زينب|ZEINAB,ZAINAB,ZAYNAB نور|NOUR,NOOR,NUR ليلى|LAILA,LEILA,LAYLA
      سارة|SARA,SARAH أمينة|AMINA,AMINAH هدى|HUDA,HODA سلمى|SALMA ياسمين|YASMIN,YASMINE,JASMINE
      رانيا|RANIA,RANYA دينا|DINA منى|MONA,MUNA سعاد|SOUAD,SUAD نادية|NADIA,NADIYA حليمة|HALIMA
      رقية|RUQAYYA,ROKIA إيمان|IMAN,EMAN أسماء|ASMA,ASMAA رحمة|RAHMA,RAHMAH لبنى|LUBNA,LOUBNA`),
    surnames: words(`الرشيد|AL-RASHID,AL-RASHEED,ALRASHID,EL-RACHID المصري|AL-MASRI,EL-MASRY,ALMASRI
      الخطيب|AL-KHATIB,EL-KHATIB,ALKHATEEB الأحمد|AL-AHMAD,AL-AHMED العلي|AL-ALI,EL-ALY
      الزهراني|AL-ZAHRANI,ALZAHRANI القحطاني|AL-QAHTANI,AL-KAHTANI,ALQAHTANI الشمري|AL-SHAMMARI,AL-SHAMMARY
      الدوسري|AL-DOSARI,AL-DOSSARY,ALDOSSARI العتيبي|AL-OTAIBI,AL-OTAIBY,ALOTAIBI الحربي|AL-HARBI,ALHARBI
      المطيري|AL-MUTAIRI,AL-MUTAIRY حداد|HADDAD,HADAD خوري|KHOURY,KHOURI,KHURI منصور|MANSOUR,MANSUR
      عباس|ABBAS,ABAS عيسى|ISSA,EISA,ISA بن_علي|BEN-ALI,BIN-ALI بن_سالم|BEN-SALEM,BIN-SALIM
      حمدان|HAMDAN شريف|SHERIF,CHERIF,SHARIF جابر|JABER,JABIR,GABER قاسم|KASSEM,QASIM,KASIM
      فرحات|FARHAT بكري|BAKRI,BAKRY الجزائري|AL-JAZAIRI,EL-DJAZAIRI زيدان|ZIDANE,ZEIDAN,ZAYDAN
      عمران|IMRAN,OMRAN الحسيني|AL-HUSSEINI,EL-HUSSEINI النجار|AL-NAJJAR,EL-NAGGAR,NAJJAR
      الحلبي|AL-HALABI,HALABI الكردي|AL-KURDI,KURDI البغدادي|AL-BAGHDADI,BAGHDADI
      التميمي|AL-TAMIMI,ALTAMIMI السويدي|AL-SUWAIDI,AL-SWAIDI العمري|AL-OMARI,AL-AMRI,ALOMARI
      الفاسي|EL-FASSI,AL-FASI بوعزيزي|BOUAZIZI سعدي|SAADI,SAADY`),
  },
];
