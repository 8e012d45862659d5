//===- MathApproximation.cpp - vectorisable f32 math ----------------------===//
//
// `thunder-math-approximation`: rewrites f32 transcendental math (exp, expm1,
// log1p, tanh, erf) into
// upstream MLIR's polynomial approximations. Calls into libm stop LLVM from
// vectorising a loop; polynomials vectorise, which is what makes fused
// elementwise kernels memory-bound instead of libm-bound. C++ because the
// patterns are C++-only API.
//
//===----------------------------------------------------------------------===//
#include "thunder-c/Dialects.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace {
struct MathApproximationPass : PassWrapper<MathApproximationPass, OperationPass<>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(MathApproximationPass)

  StringRef getArgument() const final { return "thunder-math-approximation"; }
  StringRef getDescription() const final {
    return "Replace f32 transcendental math with vectorisable polynomial approximations";
  }
  void getDependentDialects(DialectRegistry &registry) const final {
    registry.insert<arith::ArithDialect, math::MathDialect, vector::VectorDialect,
                    x86vector::X86VectorDialect>();
  }
  void runOnOperation() final {
    RewritePatternSet patterns(&getContext());
    auto all = [](StringRef) { return true; };
    // Not sin and cos (no range reduction for large arguments: 5e-5 off at
    // |x| = 1000, garbage past 1e6) nor atan2 (nan at (0, 0), wrong at
    // (±0, -0) and (±inf, ±inf)): those stay libm calls.
    auto accurate = [](StringRef name) {
      name.consume_front("math.");
      return name != "sin" && name != "cos" && name != "atan2";
    };
    populateMathF32ExpansionPatterns(patterns, all);
    populateMathPolynomialApproximationPatterns(patterns, accurate);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace

void thunderRegisterCxxPasses(void) { PassRegistration<MathApproximationPass>(); }
