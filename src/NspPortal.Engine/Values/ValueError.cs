namespace NspPortal.Engine.Values;

/// <summary>Why a value could not be parsed: an ARM-style error code (see <c>docs/engine.md</c>) and a message
/// the user can act on. Validation attaches a target to it (<c>ValidationError</c>).</summary>
/// <param name="Code">ARM-style code, e.g. <c>InvalidAddressPrefix</c> or <c>AddressPrefixHasHostBits</c>.</param>
/// <param name="Message">A sentence that names the value and says how to fix it.</param>
public sealed record ValueError(string Code, string Message);
