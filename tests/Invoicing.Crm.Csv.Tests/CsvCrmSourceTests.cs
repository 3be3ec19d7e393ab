namespace Invoicing.Crm.Csv.Tests;

public sealed class CsvCrmSourceTests
{
    private const string Customers = "\uFEFFid;name;siren;vat_id;address_line1;city;post_code;country\n"
        + "C1;\"Boulangerie Dupont & Fils\";987654324;FR14987654324;3 place du Marché;Villeurbanne;69100;France\n"
        + "C2;\"Café \"\"des Arts\"\"; SARL\";552100554;FR23552100554;8 quai Saint-Antoine;Lyon;69005;FR\n";

    private const string Lines = "deal_id;customer_id;deal_name;item;quantity;unit_price;vat_rate;unit;closed_on\n"
        + "D1;C1;Boutique;Suspension laiton;4;1 189,90;20;C62;09/03/2026\n"
        + "D1;C1;Boutique;\"Pose; raccordement\";3,5;55;20;HUR;09/03/2026\n"
        + "D2;C2;Café;Applique;6;74.50;5,5;;2026-03-09\n";

    [Fact]
    public void Read_FrenchSpreadsheetExport_DetectsSeparatorAndDecimalCommas()
    {
        var result = Read(Customers, Lines);

        Assert.Empty(result.Errors);
        var source = result.Source!;
        Assert.Equal("Café \"des Arts\"; SARL", source.Customers[1].Name);
        Assert.Equal(2, source.Deals.Count);
        var d1 = source.Deals[0];
        Assert.Equal(["Suspension laiton", "Pose; raccordement"], d1.Lines.Select(l => l.Name));
        Assert.Equal([1189.90m, 55m], d1.Lines.Select(l => l.UnitPrice!.Value));
        Assert.Equal(3.5m, d1.Lines[1].Quantity);
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 9), d1.ClosedOn);
        Assert.Equal(5.5m, source.Deals[1].Lines[0].VatRate);
    }

    [Fact]
    public void Read_CommaSeparated_Detected()
    {
        var result = Read("id,name,country\nC1,\"Dupont, Fils\",FR\n", "deal_id,customer_id,item,quantity,unit_price\nD1,C1,Lampe,2,\"12,50\"\n");

        Assert.Empty(result.Errors);
        Assert.Equal("Dupont, Fils", result.Source!.Customers[0].Name);
        Assert.Equal(12.50m, result.Source.Deals[0].Lines[0].UnitPrice);
    }

    [Fact]
    public void Read_BadRows_EachReportedWithLineAndFieldAndNothingImported()
    {
        var lines = "deal_id;customer_id;item;quantity;unit_price;vat_rate;payment_days\n"
            + "D1;C1;Lampe;deux;10;20;30\n"
            + "D2;C1;;1;10;120;30\n"
            + "D3;C1;Lampe;1;10;20;trente\n"
            + "D4;C1;Lampe;1;10;20;30\n";

        var result = Read(Customers, lines);

        Assert.Null(result.Source);
        Assert.Equal(
            ["lines.csv:2: quantity", "lines.csv:3: item", "lines.csv:3: vat_rate", "lines.csv:4: payment_days"],
            result.Errors.Select(e => $"{e.File}:{e.Line}: {e.Field}"));
        Assert.Contains("'deux' is not a number", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SkipInvalid_ImportsTheGoodDealsAndLeavesBadDealsOutWhole()
    {
        var lines = "deal_id;customer_id;item;quantity;unit_price\n"
            + "D1;C1;Lampe;1;10\n"
            + "D1;C1;Pose;x;10\n"
            + "D2;C2;Applique;1;10\n";

        var result = Read(Customers, lines, skipInvalid: true);

        Assert.Equal("D2", Assert.Single(result.Source!.Deals).Id);
        Assert.Equal(["D1"], result.SkippedDeals);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void Read_LinesOfOneDealDisagree_Reported()
    {
        var result = Read(Customers, "deal_id;customer_id;item;quantity;unit_price;currency\nD1;C1;a;1;1;EUR\nD1;C2;b;1;1;USD\n");

        Assert.Equal(["customer_id", "currency"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.Equal(3, e.Line));
    }

    [Fact]
    public void Read_MissingColumnOrEmptyFile_HeaderErrorEvenWithSkipInvalid()
    {
        var missing = Read(Customers, "deal_id;customer_id;item;quantity\nD1;C1;a;1\n", skipInvalid: true);
        var empty = Read(string.Empty, Lines, skipInvalid: true);

        Assert.Null(missing.Source);
        Assert.Equal(("unit_price", 1), (missing.Errors[0].Field, missing.Errors[0].Line));
        Assert.Null(empty.Source);
        Assert.Contains("empty", empty.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StrayQuote_ReportedOnItsLine()
    {
        var result = Read(Customers, "deal_id;customer_id;item;quantity;unit_price\nD1;C1;La\"mpe;1;1\nD2;C1;Lampe;1;1\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, (string?)null), (error.Line, error.Field));
    }

    [Fact]
    public void Read_DuplicateCustomerId_Reported()
    {
        var result = Read("id;name\nC1;a\nC1;b\n", Lines);

        Assert.Equal(("customers.csv", 3, "id"), (result.Errors[0].File, result.Errors[0].Line, result.Errors[0].Field));
    }

    [Fact]
    public void Version_SameValuesWrittenDifferently_Same_ChangedValue_Different()
    {
        var a = Read(Customers, "deal_id;customer_id;item;quantity;unit_price\nD1;C1;a;1;12,50\n").Source!.Deals[0];
        var b = Read(Customers, "deal_id,customer_id,item,quantity,unit_price\nD1,C1,a,1,12.5\n").Source!.Deals[0];
        var c = Read(Customers, "deal_id;customer_id;item;quantity;unit_price\nD1;C1;a;1;12,51\n").Source!.Deals[0];

        Assert.Equal(a.Version, b.Version);
        Assert.NotEqual(a.Version, c.Version);
    }

    [Fact]
    public async Task Load_Files_PagesAndCustomerLookup()
    {
        var directory = Directory.CreateTempSubdirectory("crm-csv-");
        try
        {
            var customers = Path.Combine(directory.FullName, "customers.csv");
            var lines = Path.Combine(directory.FullName, "lines.csv");
            await File.WriteAllTextAsync(customers, Customers);
            await File.WriteAllTextAsync(lines, Lines);

            var source = CsvCrmSource.Load(customers, lines).Source!;

            var pages = await source.DealsAsync(null).ToListAsync();
            Assert.Equal(2, pages.Sum(p => p.Items.Count));
            Assert.Null(pages[^1].Next.Position);
            Assert.Equal("Boulangerie Dupont & Fils", (await source.GetCustomerAsync("C1"))!.Name);
            Assert.Null(await source.GetCustomerAsync("nope"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static CsvImportResult Read(string customers, string lines, bool skipInvalid = false) =>
        CsvCrmSource.Read(new StringReader(customers), "customers.csv", new StringReader(lines), "lines.csv", skipInvalid);
}
