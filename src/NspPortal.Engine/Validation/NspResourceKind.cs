namespace NspPortal.Engine.Validation;

/// <summary>The NSP-owned resource kinds whose names follow reference/nsp.md §1.1.</summary>
public enum NspResourceKind
{
    /// <summary><c>networkSecurityPerimeters</c>.</summary>
    Perimeter,

    /// <summary><c>profiles</c>.</summary>
    Profile,

    /// <summary><c>profiles/accessRules</c>.</summary>
    AccessRule,

    /// <summary><c>resourceAssociations</c>.</summary>
    ResourceAssociation,

    /// <summary><c>links</c>.</summary>
    Link,

    /// <summary><c>linkReferences</c>.</summary>
    LinkReference,

    /// <summary><c>loggingConfigurations</c> (always named <c>instance</c>).</summary>
    LoggingConfiguration,
}
