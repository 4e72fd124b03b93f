using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary>The embedded vendor directory: its data, name matching and host overrides.</summary>
public sealed class VendorDirectoryTests
{
    private static readonly string[] ReferenceClasses =
    [
        "temperature_transmitter", "pressure_transmitter", "differential_pressure_transmitter", "pressure_gauge", "pressure_switch",
        "level_switch", "radar_level_transmitter", "electromagnetic_flowmeter", "coriolis_flowmeter", "vortex_flowmeter", "control_valve",
        "temperature_sensor_assembly",
    ];

    [Fact]
    public async Task Every_class_it_lists_is_a_catalog_class_and_every_reference_class_has_vendors()
    {
        var directory = new EmbeddedVendorDirectory();
        var catalog = new InstrumentCatalog();

        Assert.All(directory.ProductTypes, t => Assert.True(catalog.Contains(ProductTypeKey.Parse(t)), $"{t} is not a catalog class"));
        foreach (var cls in ReferenceClasses)
        {
            Assert.True((await directory.GetVendorsAsync(ProductTypeKey.Parse(cls))).Count >= 2, $"{cls} has fewer than two vendors");
        }

        Assert.Equal("2026.11.1", directory.Version);
        Assert.Empty(await directory.GetVendorsAsync(ProductTypeKey.Parse("sausage_filler")));
    }

    [Fact]
    public async Task Lists_hold_known_vendors_in_order()
    {
        var vendors = await new EmbeddedVendorDirectory().GetVendorsAsync(ProductTypeKey.Parse("coriolis_flowmeter"));

        Assert.Equal(["Emerson", "Endress+Hauser", "KROHNE", "Siemens", "ABB", "Yokogawa"], vendors.Select(static v => v.Name));
    }

    [Theory]
    [InlineData("Endress+Hauser")]
    [InlineData("endress_hauser")]
    [InlineData("ENDRESS HAUSER")]
    [InlineData("E+H")]
    public void A_vendor_matches_its_id_name_and_aliases_ignoring_case_and_punctuation(string name)
    {
        var vendor = new EmbeddedVendorDirectory().KnownVendors.Single(static v => v.Id == "endress_hauser");

        Assert.True(vendor.Matches(name));
        Assert.False(vendor.Matches("Endress"));
    }

    [Fact]
    public async Task Host_overrides_replace_or_extend_a_class_and_change_the_version()
    {
        var directory = new EmbeddedVendorDirectory(
        [
            new VendorListOverride("pressure_gauge", ["Rosemount", "Corvane Messtechnik"], Replace: true),
            new VendorListOverride("pressure_switch", ["Dräger Technik"], Replace: false),
            new VendorListOverride("sausage_filler", ["Acme"], Replace: false),
        ]);

        var gauges = await directory.GetVendorsAsync(ProductTypeKey.Parse("pressure_gauge"));
        var switches = await directory.GetVendorsAsync(ProductTypeKey.Parse("pressure_switch"));

        Assert.Equal([("emerson", "Emerson"), ("corvane_messtechnik", "Corvane Messtechnik")], gauges.Select(static v => (v.Id, v.Name)));
        Assert.Equal(("drager_technik", 7), (switches[^1].Id, switches.Count));
        Assert.Equal(["acme"], (await directory.GetVendorsAsync(ProductTypeKey.Parse("sausage_filler"))).Select(static v => v.Id));
        Assert.Equal("2026.11.1+host.3", directory.Version);
    }
}
