package io.cairn.cairo.prover;

import io.cairn.cairo.air.CairoAir;
import io.cairn.cairo.air.CairoStatement;
import io.cairn.math.FeltVector;
import java.util.List;

/**
 * A main trace ready to prove, with its statement and AIR.
 *
 * @param statement what the trace proves
 * @param air the AIR of that statement
 * @param main the main columns
 */
public record CairoTrace(CairoStatement statement, CairoAir air, List<FeltVector> main) {}
