using NspPortal.Engine.Model;

namespace NspPortal.Data.Traffic;

/// <summary>A recorded switch of an association's access mode (table <c>AccessModeChanges</c>), written by the guarded
/// switch with its reason and the impact that was shown. No foreign keys: the history outlives the association.</summary>
public sealed class AccessModeChange
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The association's row id (<c>ResourceAssociations.Id</c>).</summary>
    public Guid AssociationId { get; set; }

    /// <summary>The perimeter's row id.</summary>
    public Guid PerimeterId { get; set; }

    /// <summary>The association's ARM id at the time.</summary>
    public string AssociationResourceId { get; set; } = "";

    public AccessMode From { get; set; }

    public AccessMode To { get; set; }

    /// <summary>Who switched (user name).</summary>
    public string ChangedBy { get; set; } = "";

    /// <summary>Why, as the user wrote it.</summary>
    public string Reason { get; set; } = "";

    public DateTime ChangedAt { get; set; }

    /// <summary>The would-be-denied connections shown when switching (null when not computed).</summary>
    public long? WouldBeDenied { get; set; }

    /// <summary>The logged connections of the window shown (null when not computed).</summary>
    public long? LoggedConnections { get; set; }

    /// <summary>Optional JSON details of the impact (e.g. top denied sources); the transition view owns the shape.</summary>
    public string? ImpactJson { get; set; }
}
