"""English names of first-level subdivisions around the world, as news and statistics releases write
them (aliases.yaml), where pycountry has transliterations ("Z̧ufār", "Masqaţ", "Al Jīzah")."""

from __future__ import annotations

import pytest
import spacy

from extractor.regions import RegionFinder, find_regions


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in find_regions(text)]


# (text, every mention expected, in order, as (span text, code))
CASES = [
    # Serbia's districts in English, capitalised or not (Vojvodina's too)
    ("unemployed in the South Bačka district and in Bor district", [("South Bačka district", "RS-06"),
                                                                     ("Bor district", "RS-14")]),
    # Arabic-speaking countries
    ("inflation in Dhofar governorate eased", [("Dhofar", "OM-ZU")]),
    ("Muscat and North Al Batinah governorates", [("Muscat", "OM-MA"), ("North Al Batinah", "OM-BS")]),
    ("hotels in Sharjah and Ras Al Khaimah", [("Sharjah", "AE-SH"), ("Ras Al Khaimah", "AE-RK")]),
    ("prices rose in Makkah region and Al-Qassim", [("Makkah region", "SA-02"), ("Al-Qassim", "SA-05")]),
    ("the Mecca region and the Hail region", [("Mecca region", "SA-02"), ("Hail region", "SA-06")]),
    ("the Northern Borders Region and Asir", [("Northern Borders Region", "SA-08"), ("Asir", "SA-14")]),
    ("births in Giza, Alexandria and Qalyubia", [("Giza", "EG-GZ"), ("Alexandria", "EG-ALX"), ("Qalyubia", "EG-KB")]),
    ("Red Sea Governorate and Beni Suef", [("Red Sea Governorate", "EG-BA"), ("Beni Suef", "EG-BNS")]),
    ("the Suez governorate", [("Suez governorate", "EG-SUZ")]),
    ("Amman, Zarqa and Irbid governorates", [("Amman", "JO-AM"), ("Zarqa", "JO-AZ"), ("Irbid", "JO-IR")]),
    ("Farwaniya and Jahra governorates", [("Farwaniya", "KW-FA"), ("Jahra", "KW-JA")]),
    ("the Northern Governorate of Bahrain", [("Northern Governorate", "BH-17"), ("Bahrain", "BH")]),
    ("Doha and Al Rayyan municipalities", [("Doha", "QA-DA"), ("Al Rayyan", "QA-RA")]),
    ("oil output in Basra and Kirkuk", [("Basra", "IQ-BA"), ("Kirkuk", "IQ-KI")]),
    ("the Kurdistan Region of Iraq", [("Kurdistan Region of Iraq", "IQ-KR")]),
    ("Mount Lebanon and the Bekaa", [("Mount Lebanon", "LB-JL"), ("Bekaa", "LB-BI")]),
    ("Aleppo, Idlib and Deir ez-Zor provinces", [("Aleppo", "SY-HL"), ("Idlib", "SY-ID"), ("Deir ez-Zor", "SY-DY")]),
    ("Sanaa and Aden", [("Sanaa", "YE-SA"), ("Aden", "YE-AD")]),
    ("Sanaa Governorate and Hodeidah", [("Sanaa Governorate", "YE-SN"), ("Hodeidah", "YE-HU")]),
    ("Benghazi and Misrata", [("Benghazi", "LY-BA"), ("Misrata", "LY-MI")]),
    ("Red Sea State and Al Jazirah", [("Red Sea State", "SD-RS"), ("Al Jazirah", "SD-GZ")]),
    ("Algiers and Oran provinces", [("Algiers", "DZ-16"), ("Oran", "DZ-31")]),
    ("the Oriental region and Casablanca-Settat", [("Oriental region", "MA-02"), ("Casablanca-Settat", "MA-06")]),
    ("Ariana and Manouba governorates", [("Ariana", "TN-12"), ("Manouba", "TN-14")]),
    ("Khan Younis and Deir al-Balah", [("Khan Younis", "PS-KYS"), ("Deir al-Balah", "PS-DEB")]),
    ("Gaza and Gaza Province", [("Gaza", "PS-GZA"), ("Gaza Province", "MZ-G")]),
    # South and Southeast Asia
    ("Gilgit Baltistan and Azad Kashmir", [("Gilgit Baltistan", "PK-GB"), ("Azad Kashmir", "PK-JK")]),
    ("Chittagong and Barisal divisions", [("Chittagong", "BD-B"), ("Barisal", "BD-A")]),
    ("Province No. 2 and Sudurpaschim", [("Province No. 2", "NP-P2"), ("Sudurpaschim", "NP-P7")]),
    ("Uva and Sabaragamuwa", [("Uva", "LK-8"), ("Sabaragamuwa", "LK-9")]),
    ("Naypyidaw and Karen State", [("Naypyidaw", "MM-18"), ("Karen State", "MM-13")]),
    ("Bangkok and Chonburi province", [("Bangkok", "TH-10"), ("Chonburi", "TH-20")]),
    ("Ho Chi Minh City and Hanoi", [("Ho Chi Minh City", "VN-SG"), ("Hanoi", "VN-HN")]),
    ("Siem Reap and Battambang", [("Siem Reap", "KH-17"), ("Battambang", "KH-2")]),
    ("Vientiane Capital and Luang Prabang", [("Vientiane Capital", "LA-VT"), ("Luang Prabang", "LA-LP")]),
    ("Vientiane Province", [("Vientiane Province", "LA-VI")]),
    ("Jakarta, West Java and Bali", [("Jakarta", "ID-JK"), ("West Java", "ID-JB"), ("Bali", "ID-BA")]),
    ("Metro Manila and BARMM", [("Metro Manila", "PH-00"), ("BARMM", "PH-14")]),
    # BPS keeps the Indonesian names; ANTARA's headlines abbreviate (the island is another code)
    ("exports of Kalimantan Timur Province", [("Kalimantan Timur", "ID-KI")]),
    ("S Sulawesi air passengers up 8.4 percent", [("S Sulawesi", "ID-SN")]),
    ("Sulawesi Selatan and Jawa Barat", [("Sulawesi Selatan", "ID-SN"), ("Jawa Barat", "ID-JB")]),
    ("Penang and Kuala Lumpur", [("Penang", "MY-07"), ("Kuala Lumpur", "MY-14")]),
    # Africa
    ("Lagos State, Rivers State and the FCT", [("Lagos", "NG-LA"), ("Rivers State", "NG-RI"), ("FCT", "NG-FC")]),
    ("Delta State and Niger State", [("Delta State", "NG-DE"), ("Niger State", "NG-NI")]),
    ("the Oti Region", [("Oti Region", "GH-OT")]),
    ("Nairobi and Taita-Taveta counties", [("Nairobi", "KE-30"), ("Taita-Taveta", "KE-39")]),
    ("Pwani and South Pemba", [("Pwani", "TZ-19"), ("South Pemba", "TZ-10")]),
    ("Kampala", [("Kampala", "UG-102")]),
    ("Kigali", [("Kigali", "RW-01")]),
    ("Maputo city and Maputo Province", [("Maputo city", "MZ-MPM"), ("Maputo Province", "MZ-L")]),
    ("Tigray and Amhara regions", [("Tigray", "ET-TI"), ("Amhara", "ET-AM")]),
    ("the Far North Region of Cameroon", [("Far North Region", "CM-EN"), ("Cameroon", "CM")]),
    ("KwaZulu-Natal and North West Province", [("KwaZulu-Natal", "ZA-KZN"), ("North West Province", "ZA-NW")]),
    ("Karas and Khomas", [("Karas", "NA-KA"), ("Khomas", "NA-KH")]),
    # Latin America
    ("the State of Mexico and Veracruz", [("State of Mexico", "MX-MEX"), ("Veracruz", "MX-VER")]),
    ("Buenos Aires City and Buenos Aires Province", [("Buenos Aires City", "AR-C"), ("Buenos Aires Province", "AR-B")]),
    ("Santiago Metropolitan Region and Bio Bio", [("Santiago Metropolitan Region", "CL-RM"), ("Bio Bio", "CL-BI")]),
    ("Bogotá and Antioquia", [("Bogotá", "CO-DC"), ("Antioquia", "CO-ANT")]),
    ("Callao and Cuzco", [("Callao", "PE-CAL"), ("Cuzco", "PE-CUS")]),
    ("the Bay Islands", [("Bay Islands", "HN-IB")]),
    ("San Salvador", [("San Salvador", "SV-SS")]),
    ("RACCN and RACCS", [("RACCN", "NI-AN"), ("RACCS", "NI-AS")]),
    ("Panama Province and West Panama", [("Panama Province", "PA-8"), ("West Panama", "PA-10")]),
    ("Distrito Nacional and Santo Domingo Province",
     [("Distrito Nacional", "DO-01"), ("Santo Domingo Province", "DO-32")]),
    # Europe
    ("the Łódź region and the Opole region", [("Łódź region", "PL-10"), ("Opole region", "PL-16")]),
    ("Bratislava Region", [("Bratislava Region", "SK-BL")]),
    ("Sofia City and Sofia Province", [("Sofia City", "BG-22"), ("Sofia Province", "BG-23")]),
    ("Belgrade and the Zlatibor District", [("Belgrade", "RS-00"), ("Zlatibor District", "RS-16")]),
    ("Međimurje County", [("Međimurje County", "HR-20")]),
    ("the Federation of Bosnia and Herzegovina and Brčko District",
     [("Federation of Bosnia and Herzegovina", "BA-BIH"), ("Brčko District", "BA-BRC")]),
    ("Tirana and Vlora", [("Tirana", "AL-11"), ("Vlora", "AL-12")]),
    ("Thessaly and Central Macedonia", [("Thessaly", "GR-E"), ("Central Macedonia", "GR-B")]),
    ("Porto Alegre, March 16, 2016", []),  # a town whose first word is Portugal's Porto
    ("the population of the Central department", [("Central department", "PY-11")]),
    # statistical regions with no ISO code take their NUTS code; their towns are coded municipalities
    ("wages in the Podravska statistical region", [("Podravska", "SI032")]),
    ("Construction in the Pelagonia Region", [("Pelagonia Region", "MK005")]),
    ("the East planning region", [("East planning region", "MK002")]),
    # Baltic counties by their English names: the county, not the town's municipality
    ("More people moved to Kaunas county", [("Kaunas county", "LT-KU")]),
    ("Ida-Viru county (18.9 per cent) and Harju County", [("Ida-Viru county", "EE-45"), ("Harju County", "EE-37")]),
    ("the population of Trentino and South Tyrol", [("Trentino", "IT-TN"), ("South Tyrol", "IT-BZ")]),
    ("the Autonomous Province of Trento", [("Autonomous Province of Trento", "IT-TN")]),
    ("Agri-food exports grew 14.5 percent", []),
    # generic words kept out of bare matching
    ("the central bank raised rates", []),
    ("the eastern coast", []),
    ("red sea fish", []),
    ("freight through the Red Sea and the Blue Nile", []),
    # Azerbaijan's cities and rayons as its releases write them; an economic region of the same name is not one
    ("employees of Mingachevir city; Barda district", [("Mingachevir city", "AZ-MI"), ("Barda district", "AZ-BAR")]),
    ("by economic regions: Lankaran 262,7 Sheki-Zagatala 251,8", []),
    ("Red Sea State and Red Sea Governorate", [("Red Sea State", "SD-RS"), ("Red Sea Governorate", "EG-BA")]),
    ("hail damaged crops", []),
    ("an Oriental rug", []),
    ("traffic through the Suez Canal", []),
    ("a Mecca for shoppers", []),
    ("Medina said", []),
    ("Karen said", []),
    ("the northern governorates", []),
    ("the Capital Governorate", []),
    ("the Mekong Delta", []),
    ("the north west", []),
    ("a Pomeranian", []),
    ("the Metropolitan Region", []),
    # France's overseas departments take their ISO 3166-1 codes, as FACTS.md's codes do
    ("prices in La Réunion rose", [("La Réunion", "RE")]),
    # Scotland's island council areas as their papers name them
    ("Shetland's population and Orkney's", [("Shetland", "GB-ZET"), ("Orkney", "GB-ORK")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_world_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# names that are places only in a text about their own country
LOCAL = [
    ("the Capital Governorate", {"KW-KU", "BH-13", "JO-AM"}),
    ("Tripoli", {"LY-TB"}),
    ("the Eastern Province", {"SA-04"}),
    ("the Metropolitan Region", {"CL-RM"}),
]


@pytest.fixture(scope="module")
def finder() -> RegionFinder:
    return RegionFinder(spacy.blank("en"))


@pytest.mark.parametrize(("text", "codes"), LOCAL)
def test_world_local_names(finder: RegionFinder, text: str, codes: set[str]) -> None:
    assert {m.code for m in finder.find_local(finder.nlp.make_doc(text))} >= codes
