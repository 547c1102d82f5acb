namespace IncidentDesk.Core.Coops;

/// <summary>
/// A federative unit. <see cref="Cities"/> starts with the capital and runs roughly by size; where a
/// large UF needs more co-ops than listed municipalities, it ends with regional names ("Vale do Paraíba",
/// "Triângulo Mineiro"), since real health co-ops often serve a region rather than one city.
/// </summary>
public sealed record BrazilianState(string Uf, string Name, int Population, string Capital, IReadOnlyList<string> Cities);

/// <summary>The 26 states and the Federal District, with 2022 census population (IBGE).</summary>
public static class BrazilianStates
{
    public static IReadOnlyList<BrazilianState> All { get; } =
    [
        State("AC", "Acre", 830_018,
            "Rio Branco|Cruzeiro do Sul|Sena Madureira|Tarauacá|Feijó|Senador Guiomard|Plácido de Castro|Xapuri"
            + "|Epitaciolândia|Vale do Juruá|Vale do Acre"),
        State("AL", "Alagoas", 3_127_683,
            "Maceió|Arapiraca|Rio Largo|Palmeira dos Índios|União dos Palmares|Penedo|São Miguel dos Campos"
            + "|Coruripe|Delmiro Gouveia|Campo Alegre|Marechal Deodoro|Santana do Ipanema|Girau do Ponciano"
            + "|Agreste Alagoano|Sertão Alagoano"),
        State("AM", "Amazonas", 3_941_613,
            "Manaus|Parintins|Itacoatiara|Manacapuru|Coari|Tefé|Tabatinga|Maués|Humaitá|Iranduba"
            + "|São Gabriel da Cachoeira|Manicoré|Benjamin Constant|Alto Solimões|Médio Solimões|Rio Negro"),
        State("AP", "Amapá", 733_759,
            "Macapá|Santana|Laranjal do Jari|Oiapoque|Mazagão|Porto Grande|Tartarugalzinho|Vitória do Jari"),
        State("BA", "Bahia", 14_141_626,
            "Salvador|Feira de Santana|Vitória da Conquista|Camaçari|Juazeiro|Lauro de Freitas|Itabuna|Ilhéus"
            + "|Porto Seguro|Barreiras|Jequié|Teixeira de Freitas|Alagoinhas|Simões Filho|Eunápolis|Paulo Afonso"
            + "|Santo Antônio de Jesus|Luís Eduardo Magalhães|Candeias|Guanambi|Jacobina|Senhor do Bonfim"
            + "|Serrinha|Irecê|Brumado|Bom Jesus da Lapa|Recôncavo Baiano|Chapada Diamantina|Extremo Sul Baiano"),
        State("CE", "Ceará", 8_794_957,
            "Fortaleza|Caucaia|Juazeiro do Norte|Maracanaú|Sobral|Crato|Itapipoca|Maranguape|Iguatu|Quixadá"
            + "|Pacatuba|Aquiraz|Quixeramobim|Canindé|Russas|Crateús|Tianguá|Aracati|Horizonte|Pacajus"
            + "|Limoeiro do Norte|Cariri|Sertão Central|Serra da Ibiapaba"),
        State("DF", "Distrito Federal", 2_817_381,
            "Brasília|Taguatinga|Ceilândia|Gama|Sobradinho|Samambaia|Águas Claras|Guará|Recanto das Emas"
            + "|Núcleo Bandeirante|Brazlândia|Paranoá|Lago Sul"),
        State("ES", "Espírito Santo", 3_833_712,
            "Vitória|Serra|Vila Velha|Cariacica|Cachoeiro de Itapemirim|Linhares|Guarapari|São Mateus|Colatina"
            + "|Aracruz|Viana|Nova Venécia|Barra de São Francisco|Santa Maria de Jetibá|Castelo|Marataízes"
            + "|Região Serrana Capixaba|Norte Capixaba"),
        State("GO", "Goiás", 7_056_495,
            "Goiânia|Aparecida de Goiânia|Anápolis|Rio Verde|Águas Lindas de Goiás|Luziânia|Valparaíso de Goiás"
            + "|Trindade|Formosa|Novo Gama|Senador Canedo|Catalão|Itumbiara|Jataí|Caldas Novas"
            + "|Santo Antônio do Descoberto|Goianésia|Cidade Ocidental|Mineiros|Inhumas"
            + "|Entorno do Distrito Federal|Sudoeste Goiano|Norte Goiano"),
        State("MA", "Maranhão", 6_776_699,
            "São Luís|Imperatriz|São José de Ribamar|Timon|Caxias|Paço do Lumiar|Codó|Açailândia|Bacabal|Balsas"
            + "|Santa Inês|Barra do Corda|Pinheiro|Chapadinha|Buriticupu|Grajaú|Itapecuru Mirim|Coroatá"
            + "|Barreirinhas|Baixada Maranhense|Sul do Maranhão"),
        State("MG", "Minas Gerais", 20_539_989,
            "Belo Horizonte|Uberlândia|Contagem|Juiz de Fora|Betim|Montes Claros|Ribeirão das Neves|Uberaba"
            + "|Governador Valadares|Ipatinga|Sete Lagoas|Divinópolis|Santa Luzia|Ibirité|Poços de Caldas"
            + "|Patos de Minas|Pouso Alegre|Teófilo Otoni|Barbacena|Sabará|Varginha|Conselheiro Lafaiete"
            + "|Vespasiano|Itabira|Araguari|Passos|Ubá|Coronel Fabriciano|Muriaé|Ituiutaba|Araxá|Lavras"
            + "|Itajubá|Nova Lima|Pará de Minas|Paracatu|Caratinga|São João del-Rei|Patrocínio|Unaí"
            + "|Triângulo Mineiro|Sul de Minas|Zona da Mata|Vale do Aço|Norte de Minas|Vale do Jequitinhonha"),
        State("MS", "Mato Grosso do Sul", 2_757_013,
            "Campo Grande|Dourados|Três Lagoas|Corumbá|Ponta Porã|Naviraí|Nova Andradina|Aquidauana"
            + "|Sidrolândia|Paranaíba|Maracaju|Coxim|Amambai|Rio Brilhante|Pantanal Sul-Mato-Grossense"
            + "|Bolsão Sul-Mato-Grossense"),
        State("MT", "Mato Grosso", 3_658_649,
            "Cuiabá|Várzea Grande|Rondonópolis|Sinop|Tangará da Serra|Cáceres|Sorriso|Lucas do Rio Verde"
            + "|Primavera do Leste|Barra do Garças|Alta Floresta|Pontes e Lacerda|Nova Mutum|Campo Verde|Juína"
            + "|Médio Norte Mato-Grossense|Vale do Araguaia"),
        State("PA", "Pará", 8_120_131,
            "Belém|Ananindeua|Santarém|Marabá|Parauapebas|Castanhal|Abaetetuba|Cametá|Marituba|Bragança"
            + "|São Félix do Xingu|Barcarena|Altamira|Tucuruí|Paragominas|Tailândia|Breves|Itaituba|Redenção"
            + "|Capanema|Baixo Amazonas|Marajó|Sudeste Paraense"),
        State("PB", "Paraíba", 3_974_687,
            "João Pessoa|Campina Grande|Santa Rita|Patos|Bayeux|Sousa|Cajazeiras|Cabedelo|Guarabira|Sapé"
            + "|Mamanguape|Queimadas|Monteiro|Pombal|Esperança|Sertão Paraibano|Brejo Paraibano"),
        State("PE", "Pernambuco", 9_058_931,
            "Recife|Jaboatão dos Guararapes|Olinda|Caruaru|Petrolina|Paulista|Cabo de Santo Agostinho|Camaragibe"
            + "|Garanhuns|Vitória de Santo Antão|Igarassu|São Lourenço da Mata|Santa Cruz do Capibaribe"
            + "|Abreu e Lima|Ipojuca|Serra Talhada|Gravatá|Araripina|Goiana|Belo Jardim|Arcoverde"
            + "|Agreste Pernambucano|Sertão do Pajeú|Zona da Mata Pernambucana"),
        State("PI", "Piauí", 3_271_199,
            "Teresina|Parnaíba|Picos|Piripiri|Floriano|Barras|Campo Maior|União|Altos|Esperantina"
            + "|José de Freitas|Pedro II|Oeiras|São Raimundo Nonato|Corrente|Bom Jesus|Litoral Piauiense"
            + "|Sul do Piauí"),
        State("PR", "Paraná", 11_444_380,
            "Curitiba|Londrina|Maringá|Ponta Grossa|Cascavel|São José dos Pinhais|Foz do Iguaçu|Colombo"
            + "|Guarapuava|Paranaguá|Araucária|Toledo|Apucarana|Pinhais|Campo Largo|Arapongas"
            + "|Almirante Tamandaré|Umuarama|Piraquara|Cambé|Campo Mourão|Fazenda Rio Grande|Francisco Beltrão"
            + "|Paranavaí|Pato Branco|Cianorte|Telêmaco Borba|Norte Pioneiro|Campos Gerais|Sudoeste do Paraná"),
        State("RJ", "Rio de Janeiro", 16_055_174,
            "Rio de Janeiro|São Gonçalo|Duque de Caxias|Nova Iguaçu|Niterói|Belford Roxo|Campos dos Goytacazes"
            + "|São João de Meriti|Petrópolis|Volta Redonda|Macaé|Magé|Itaboraí|Cabo Frio|Maricá|Nova Friburgo"
            + "|Barra Mansa|Angra dos Reis|Mesquita|Teresópolis|Rio das Ostras|Nilópolis|Queimados|Araruama"
            + "|Resende|Itaguaí|São Pedro da Aldeia|Itaperuna|Japeri|Barra do Piraí|Três Rios|Valença"
            + "|Região Serrana|Costa Verde|Região dos Lagos|Norte Fluminense"),
        State("RN", "Rio Grande do Norte", 3_302_729,
            "Natal|Mossoró|Parnamirim|São Gonçalo do Amarante|Macaíba|Ceará-Mirim|Caicó|Currais Novos"
            + "|São José de Mipibu|Pau dos Ferros|Apodi|João Câmara|Seridó|Alto Oeste Potiguar"),
        State("RO", "Rondônia", 1_581_196,
            "Porto Velho|Ji-Paraná|Ariquemes|Vilhena|Cacoal|Rolim de Moura|Jaru|Guajará-Mirim"
            + "|Ouro Preto do Oeste|Pimenta Bueno|Buritis|Machadinho d'Oeste|Vale do Jamari|Cone Sul de Rondônia"),
        State("RR", "Roraima", 636_707,
            "Boa Vista|Rorainópolis|Caracaraí|Mucajaí|Cantá|Pacaraima|Alto Alegre|Bonfim|Caroebe|Iracema"
            + "|Sul de Roraima"),
        State("RS", "Rio Grande do Sul", 10_882_965,
            "Porto Alegre|Caxias do Sul|Canoas|Pelotas|Santa Maria|Gravataí|Viamão|Novo Hamburgo|São Leopoldo"
            + "|Rio Grande|Alvorada|Passo Fundo|Sapucaia do Sul|Santa Cruz do Sul|Cachoeirinha|Uruguaiana|Bagé"
            + "|Bento Gonçalves|Erechim|Guaíba|Lajeado|Ijuí|Santana do Livramento|Santo Ângelo|Vacaria"
            + "|Serra Gaúcha|Vale do Taquari|Fronteira Oeste|Missões"),
        State("SC", "Santa Catarina", 7_610_361,
            "Florianópolis|Joinville|Blumenau|São José|Itajaí|Chapecó|Palhoça|Criciúma|Jaraguá do Sul|Lages"
            + "|Brusque|Balneário Camboriú|Tubarão|Camboriú|São Bento do Sul|Caçador|Navegantes|Concórdia"
            + "|Rio do Sul|Araranguá|Gaspar|Biguaçu|Indaial|Itapema|Vale do Itajaí|Oeste Catarinense"
            + "|Planalto Serrano"),
        State("SE", "Sergipe", 2_210_004,
            "Aracaju|Nossa Senhora do Socorro|Lagarto|Itabaiana|São Cristóvão|Estância|Tobias Barreto"
            + "|Itabaianinha|Simão Dias|Capela|Propriá|Nossa Senhora da Glória|Agreste Sergipano|Sertão Sergipano"),
        State("SP", "São Paulo", 44_411_238,
            "São Paulo|Campinas|Guarulhos|São Bernardo do Campo|Santo André|Osasco|São José dos Campos"
            + "|Ribeirão Preto|Sorocaba|Santos|Mauá|São José do Rio Preto|Mogi das Cruzes|Diadema|Jundiaí"
            + "|Piracicaba|Carapicuíba|Bauru|Itaquaquecetuba|São Vicente|Franca|Praia Grande|Guarujá|Taubaté"
            + "|Limeira|Suzano|Taboão da Serra|Sumaré|Barueri|Embu das Artes|São Carlos|Indaiatuba|Cotia"
            + "|Americana|Marília|Itapevi|Araraquara|Jacareí|Hortolândia|Presidente Prudente|Rio Claro"
            + "|Araçatuba|Santa Bárbara d'Oeste|Ferraz de Vasconcelos|Itapetininga|Bragança Paulista"
            + "|São Caetano do Sul|Itu|Mogi Guaçu|Pindamonhangaba|Atibaia|Botucatu|Jaú|Ourinhos|Assis"
            + "|Catanduva|Vale do Paraíba|Alto Tietê|Baixada Santista|Vale do Ribeira|Litoral Norte"
            + "|Alta Paulista|Alta Mogiana"),
        State("TO", "Tocantins", 1_511_460,
            "Palmas|Araguaína|Gurupi|Porto Nacional|Paraíso do Tocantins|Colinas do Tocantins|Guaraí"
            + "|Tocantinópolis|Dianópolis|Formoso do Araguaia|Miracema do Tocantins|Augustinópolis"
            + "|Bico do Papagaio|Jalapão"),
    ];

    /// <summary>True for one of the 27 two-letter codes (case-insensitive).</summary>
    public static bool IsValidUf(string? uf) => Find(uf) is not null;

    /// <summary>The federative unit for a two-letter code (case-insensitive), or null.</summary>
    public static BrazilianState? Find(string? uf)
    {
        if (string.IsNullOrWhiteSpace(uf))
        {
            return null;
        }

        string code = uf.Trim();
        return All.FirstOrDefault(s => string.Equals(s.Uf, code, StringComparison.OrdinalIgnoreCase));
    }

    // The capital is the first city; a '|'-separated list keeps 27 UFs readable in one file.
    private static BrazilianState State(string uf, string name, int population, string cities)
    {
        string[] list = cities.Split('|');
        return new BrazilianState(uf, name, population, list[0], list);
    }
}
