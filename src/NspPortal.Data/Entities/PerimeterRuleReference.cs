namespace NspPortal.Data.Entities;

/// <summary>One entry of an access rule's read-only <c>networkSecurityPerimeters</c> list: a linked perimeter
/// (reference/nsp.md §1.3, §4.5). Stored as JSON with the rule.</summary>
public sealed record PerimeterRuleReference(string Id, Guid PerimeterGuid, string Location);
