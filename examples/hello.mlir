// The Hello World at the torch level: `a + b` on two 2x2 int64 tensors.
func.func @foo(%a: tensor<2x2xi64>, %b: tensor<2x2xi64>) -> tensor<2x2xi64> {
  %0 = thunder_torch.add %a, %b : tensor<2x2xi64>, tensor<2x2xi64> -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}
