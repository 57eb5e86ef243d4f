function mpc = big
mpc.baseMVA = 100;
mpc.bus = zeros(100000000, 13);
mpc.gen = [
1	160	0	100	-100	1	100	1	600	0;
];
mpc.branch = [
1	2	0	0.02	0	400	0	0	0	0	1;
2	3	0	0.01	0	300	0	0	1	0	1;
3	1	0	0.05	0	150	0	0	0	0	1;
];
