namespace NspPortal.Data.Traffic;

/// <summary>A perimeter's configuration as it was in force from <see cref="ValidFrom"/> until the next version (table
/// <c>PerimeterConfigurationVersions</c>): the <c>nsp evaluate</c> snapshot (docs/cli.md) of the perimeter, its
/// profiles, rules, associations, links, link references and the network settings of its associated PaaS resources.
/// Recorded by <c>ConfigurationVersionInterceptor</c> in the transaction of every write that changes any of
/// those, so the troubleshooter can evaluate a log row against the configuration of its time. Never updated; survives
/// the perimeter's deletion (its last version has an empty <c>resources</c> list and <see cref="Deleted"/>).</summary>
public sealed class PerimeterConfigurationVersion
{
    public long Id { get; set; }

    /// <summary>The perimeter's row id (<c>Perimeters.Id</c>; no foreign key, so history outlives it).</summary>
    public Guid PerimeterId { get; set; }

    /// <summary>The perimeter's <c>perimeterGuid</c> (what log rows' <c>SourcePerimeterGuids</c> name).</summary>
    public Guid PerimeterGuid { get; set; }

    /// <summary>The perimeter's ARM id.</summary>
    public string PerimeterResourceId { get; set; } = "";

    /// <summary>1, 2, … per perimeter.</summary>
    public int Version { get; set; }

    /// <summary>When the write that produced it was saved (UTC).</summary>
    public DateTime ValidFrom { get; set; }

    /// <summary>Who made that write.</summary>
    public string RecordedBy { get; set; } = "";

    /// <summary>True when the write deleted the perimeter.</summary>
    public bool Deleted { get; set; }

    /// <summary>The snapshot JSON: <c>{"resources":[…],"paasResources":[…]}</c>, readable by <c>SnapshotReader</c>.</summary>
    public string Snapshot { get; set; } = "";
}
